package io.thingseeportal.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The asset tree's rules: names, levels, moves, deletes, and the CSV import's report. */
class AssetServiceTest extends KaribuTest {

    @Autowired
    AssetService assets;

    @Autowired
    AssetImport importer;

    @Autowired
    JdbcClient jdbc;

    long tenantId;
    Asset oulu;
    Asset buildingA;
    Asset floor1;
    Asset lobby;

    @BeforeEach
    void oneBranchOfTheTree() {
        tenantId = TestData.tenant(jdbc, "Acme");
        signIn("aino", tenantId, AppRoles.ADMIN);
        oulu = assets.create(null, "Oulu HQ");
        buildingA = assets.create(oulu.id(), "Building A");
        floor1 = assets.create(buildingA.id(), "Floor 1");
        lobby = assets.create(floor1.id(), " Lobby ");
    }

    @Test
    void each_place_is_one_level_below_its_parent_and_a_space_holds_nothing() {
        assertThat(lobby.kind()).isEqualTo(AssetKind.SPACE);
        assertThat(lobby.pathText()).isEqualTo("Oulu HQ › Building A › Floor 1 › Lobby");
        assertThatThrownBy(() -> assets.create(lobby.id(), "Corner"))
                .isInstanceOfSatisfying(
                        AssetException.class,
                        e -> assertThat(e.problem()).isEqualTo(AssetException.Problem.NO_CHILDREN));
        assertThatThrownBy(() -> assets.create(floor1.id(), "lobby"))
                .isInstanceOfSatisfying(
                        AssetException.class,
                        e -> assertThat(e.problem()).isEqualTo(AssetException.Problem.NAME_TAKEN));
        assertThatThrownBy(() -> assets.create(null, "  "))
                .isInstanceOfSatisfying(
                        AssetException.class,
                        e -> assertThat(e.problem()).isEqualTo(AssetException.Problem.NAME_EMPTY));
    }

    @Test
    void renaming_and_moving_change_the_paths_of_the_devices_mounted_below() {
        TestData.device(jdbc, tenantId, "TSPR04A", null);
        jdbc.sql("UPDATE device SET asset_id = ?, asset_name = ? WHERE tuid = 'TSPR04A' AND tenant_id = ?")
                .params(lobby.id(), lobby.pathText(), tenantId)
                .update();
        Asset buildingB = assets.create(oulu.id(), "Building B");

        assets.rename(floor1.id(), "First floor");
        assets.move(floor1.id(), buildingB.id());

        assertThat(jdbc.sql("SELECT asset_name FROM device WHERE tenant_id = ? AND tuid = 'TSPR04A'")
                        .param(tenantId)
                        .query(String.class)
                        .single())
                .isEqualTo("Oulu HQ › Building B › First floor › Lobby");
    }

    @Test
    void a_place_moves_only_into_the_level_above_and_a_site_not_at_all() {
        Asset helsinki = assets.create(null, "Helsinki");

        assertThatThrownBy(() -> assets.move(floor1.id(), helsinki.id()))
                .isInstanceOfSatisfying(
                        AssetException.class,
                        e -> assertThat(e.problem()).isEqualTo(AssetException.Problem.WRONG_PARENT));
        assertThatThrownBy(() -> assets.move(oulu.id(), helsinki.id()))
                .isInstanceOfSatisfying(
                        AssetException.class,
                        e -> assertThat(e.problem()).isEqualTo(AssetException.Problem.SITE_CANNOT_MOVE));
    }

    @Test
    void only_an_empty_place_without_sensors_can_be_deleted() {
        TestData.device(jdbc, tenantId, "TSPR04A", null);
        jdbc.sql("UPDATE device SET asset_id = ? WHERE tuid = 'TSPR04A' AND tenant_id = ?")
                .params(lobby.id(), tenantId)
                .update();

        assertThatThrownBy(() -> assets.delete(floor1.id()))
                .isInstanceOfSatisfying(
                        AssetException.class,
                        e -> assertThat(e.problem()).isEqualTo(AssetException.Problem.HAS_CHILDREN));
        assertThatThrownBy(() -> assets.delete(lobby.id()))
                .isInstanceOfSatisfying(
                        AssetException.class, e -> assertThat(e.problem()).isEqualTo(AssetException.Problem.IN_USE));

        Asset storage = assets.create(floor1.id(), "Storage");
        assets.delete(storage.id());
        assertThat(assets.find(storage.id())).isEmpty();
    }

    @Test
    void another_tenants_places_cannot_be_seen_or_changed() {
        signIn("bo", TestData.tenant(jdbc, "Borealis"), AppRoles.ADMIN);

        assertThat(assets.all()).isEmpty();
        assertThatThrownBy(() -> assets.rename(lobby.id(), "Mine"))
                .isInstanceOfSatisfying(
                        AssetException.class, e -> assertThat(e.problem()).isEqualTo(AssetException.Problem.NOT_FOUND));
    }

    @Test
    void an_installer_adds_places_but_does_not_rename_move_or_delete_them() {
        signIn("ilkka", tenantId, AppRoles.INSTALLER);

        assets.create(floor1.id(), "Kitchen");
        assertThatThrownBy(() -> assets.rename(lobby.id(), "Hall")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assets.delete(lobby.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_import_adds_the_missing_places_of_each_row_and_reports_every_row() throws Exception {
        String csv = """
                site,building,floor,space
                Oulu HQ,Building A,Floor 1,Lobby
                oulu hq,Building A,Floor 2,Meeting room 2.14
                Helsinki;x
                Helsinki,Main,Floor 3,Kitchen,Shelf
                Tampere,,Floor 1
                "Turku, harbour",Warehouse
                """;

        AssetImport.Report report = importer.importCsv(new StringReader(csv));

        assertThat(report.rows())
                .extracting(row -> row.line() + " " + row.outcome() + " " + row.messageKey())
                .containsExactly(
                        "2 EXISTED null",
                        "3 ADDED null",
                        "4 ADDED null",
                        "5 REFUSED asset.import.too-deep",
                        "6 REFUSED asset.import.gap",
                        "7 ADDED null");
        List<String> paths = assets.all().stream().map(Asset::pathText).toList();
        assertThat(paths)
                .contains(
                        "Oulu HQ › Building A › Floor 2 › Meeting room 2.14",
                        "Helsinki;x",
                        "Turku, harbour › Warehouse")
                .doesNotContain("Tampere", "Helsinki › Main");
    }
}
