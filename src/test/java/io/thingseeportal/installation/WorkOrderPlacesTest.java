package io.thingseeportal.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.asset.AssetException;
import io.thingseeportal.group.GroupId;
import io.thingseeportal.group.GroupNotFoundException;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.DeviceInfo;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Where a work order's sensor goes: only the tenant's assets and groups, and a photo of the spot made small. */
class WorkOrderPlacesTest extends MockedThingseeTest {

    static final String TUID = "TSPR04EZU31901021";

    @Autowired
    WorkOrderService orders;

    @Autowired
    WorkOrderPlaces places;

    long tenantId;
    long id;

    @BeforeEach
    void aWorkOrderAtItsAsset() {
        tenantId = TestData.tenant(jdbc, "Acme");
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
        signInTo("acme", tenantId, "Ilkka", AppRoles.INSTALLER);
        when(thingsee.getDevice(STACK, TUID)).thenReturn(new DeviceInfo(TUID, 97, null, null, null, null));
        when(thingsee.getInstallationStatus(STACK, TUID)).thenReturn(Optional.empty());
        id = orders.start((LabelReading.Sensor) LabelResolver.resolve(TUID)).id();
    }

    @Test
    void a_photo_of_the_spot_is_kept_at_most_1280_pixels_a_side() throws Exception {
        var big = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        var jpeg = new ByteArrayOutputStream();
        ImageIO.write(big, "jpg", jpeg);

        places.addPhoto(id, jpeg.toByteArray());

        BufferedImage kept =
                ImageIO.read(new ByteArrayInputStream(places.photo(id).orElseThrow()));
        assertThat(kept.getWidth()).isEqualTo(1280);
        assertThat(kept.getHeight()).isEqualTo(960);
        assertThat(orders.find(id).orElseThrow().hasPhoto()).isTrue();
    }

    @Test
    void a_file_that_is_not_an_image_is_refused_and_keeps_no_photo() {
        byte[] noise = new byte[5000];
        new Random(1).nextBytes(noise);

        assertThatThrownBy(() -> places.addPhoto(id, noise))
                .isInstanceOf(UnreadableImageException.class)
                .extracting(failure -> ((UnreadableImageException) failure).problem())
                .isEqualTo(UnreadableImageException.Problem.NOT_AN_IMAGE);
        assertThat(places.photo(id)).isEmpty();
    }

    @Test
    void another_tenants_asset_or_a_group_the_tenant_does_not_have_cannot_be_chosen() {
        long theirs = TestData.asset(jdbc, TestData.tenant(jdbc, "Borealis"), null, "SITE", "Their store");
        long ours = TestData.asset(jdbc, tenantId, null, "SITE", "Our office");

        assertThatThrownBy(() -> places.chooseAsset(id, theirs, null, null)).isInstanceOf(AssetException.class);
        places.chooseAsset(id, ours, 65.01, 25.47);
        assertThatThrownBy(() -> places.chooseGroup(id, GroupId.parse("prfi00nosuch")))
                .isInstanceOf(GroupNotFoundException.class);
        WorkOrder order = orders.find(id).orElseThrow();
        assertThat(order.step()).isEqualTo(WorkOrder.Step.GROUP);
        assertThat(order.asset()).isEqualTo("Our office");
        assertThat(order.latitude()).isEqualTo(65.01);
    }
}
