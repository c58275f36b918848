package io.thingseeportal.installation;

/**
 * What Java's JPEG reader does not do for a phone's photo: read the orientation tag (0x0112) of its EXIF block, which
 * says how the camera was held (1 for upright; phones store a portrait photo as a landscape one with this tag), and
 * cope with application blocks in an order it does not expect (a JFIF block after the EXIF one, which some phones
 * write, makes it refuse the whole file).
 */
final class JpegFiles {

    static final int UPRIGHT = 1;
    private static final int ORIENTATION_TAG = 0x0112;

    private JpegFiles() {}

    static boolean isJpeg(byte[] file) {
        return file.length >= 4 && u8(file, 0) == 0xFF && u8(file, 1) == 0xD8;
    }

    /**
     * The JPEG without its application blocks (APP0 to APP15: JFIF, EXIF, XMP, ICC profiles ...), which the image does
     * not need to be decoded; the file as it is when its blocks cannot be followed.
     */
    static byte[] withoutApplicationBlocks(byte[] file) {
        if (!isJpeg(file)) {
            return file;
        }
        var kept = new java.io.ByteArrayOutputStream(file.length);
        kept.write(file, 0, 2);
        int at = 2;
        while (at + 4 <= file.length && u8(file, at) == 0xFF) {
            int marker = u8(file, at + 1);
            int length = (u8(file, at + 2) << 8) | u8(file, at + 3);
            if (marker == 0xDA || length < 2) {
                break;
            }
            if (marker < 0xE0 || marker > 0xEF) {
                kept.write(file, at, Math.min(2 + length, file.length - at));
            }
            at += 2 + length;
        }
        if (at < file.length) {
            kept.write(file, at, file.length - at);
        }
        return kept.toByteArray();
    }

    /** The JPEG's orientation, or {@link #UPRIGHT} for a file without one (not a JPEG, no EXIF, a broken block). */
    static int orientation(byte[] file) {
        if (!isJpeg(file)) {
            return UPRIGHT;
        }
        int at = 2;
        while (at + 4 <= file.length && u8(file, at) == 0xFF) {
            int marker = u8(file, at + 1);
            int length = (u8(file, at + 2) << 8) | u8(file, at + 3);
            if (marker == 0xDA || marker == 0xD9 || length < 2) {
                return UPRIGHT; // the image data starts: no EXIF block came before it
            }
            if (marker == 0xE1 && isExif(file, at + 4)) {
                return orientation(file, at + 10, Math.min(file.length, at + 2 + length));
            }
            at += 2 + length;
        }
        return UPRIGHT;
    }

    private static boolean isExif(byte[] file, int at) {
        return at + 6 <= file.length
                && file[at] == 'E'
                && file[at + 1] == 'x'
                && file[at + 2] == 'i'
                && file[at + 3] == 'f'
                && file[at + 4] == 0
                && file[at + 5] == 0;
    }

    /** Reads the first image file directory of the TIFF structure from {@code tiff} to {@code end}. */
    private static int orientation(byte[] file, int tiff, int end) {
        if (tiff + 8 > end) {
            return UPRIGHT;
        }
        boolean littleEndian = file[tiff] == 'I' && file[tiff + 1] == 'I';
        if (!littleEndian && !(file[tiff] == 'M' && file[tiff + 1] == 'M')) {
            return UPRIGHT;
        }
        long directory = tiff + u32(file, tiff + 4, littleEndian);
        if (directory + 2 > end) {
            return UPRIGHT;
        }
        int entries = u16(file, (int) directory, littleEndian);
        for (int i = 0; i < entries; i++) {
            int entry = (int) directory + 2 + 12 * i;
            if (entry + 12 > end) {
                return UPRIGHT;
            }
            if (u16(file, entry, littleEndian) == ORIENTATION_TAG) {
                int value = u16(file, entry + 8, littleEndian);
                return value >= 1 && value <= 8 ? value : UPRIGHT;
            }
        }
        return UPRIGHT;
    }

    private static int u8(byte[] file, int at) {
        return file[at] & 0xFF;
    }

    private static int u16(byte[] file, int at, boolean littleEndian) {
        return littleEndian ? u8(file, at) | (u8(file, at + 1) << 8) : (u8(file, at) << 8) | u8(file, at + 1);
    }

    private static long u32(byte[] file, int at, boolean littleEndian) {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int shift = littleEndian ? 8 * i : 8 * (3 - i);
            value |= (long) u8(file, at + i) << shift;
        }
        return value;
    }
}
