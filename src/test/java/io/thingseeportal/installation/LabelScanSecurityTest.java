package io.thingseeportal.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.installation.LabelFrames.Distortion;
import io.thingseeportal.security.AppRoles;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class LabelScanSecurityTest extends MockedThingseeTest {

    @Autowired
    LabelScanService scans;

    @Test
    void installers_and_admins_may_scan_and_viewers_may_not() {
        long tenantId = TestData.tenant(jdbc, "Acme");
        byte[] frame = LabelFrames.frameBytes(LabelFrames.LEGACY_LABEL, Distortion.clean(160), new Random(1));

        signIn("Ilkka", tenantId, AppRoles.INSTALLER);
        assertThat(scans.scanFrame(frame).join()).isInstanceOf(LabelScan.Found.class);
        signIn("Aino", tenantId, AppRoles.ADMIN);
        assertThat(scans.resolve("TSPR04EZU31901021")).isInstanceOf(LabelReading.Sensor.class);

        signIn("Veera", tenantId, AppRoles.VIEWER);
        assertThatThrownBy(() -> scans.scanFrame(frame)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> scans.scanPhoto(frame)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> scans.resolve("TSPR04EZU31901021")).isInstanceOf(AccessDeniedException.class);
    }
}
