package io.thingseeportal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The package rules of CONVENTIONS.md, kept by the build. */
class ArchitectureTest {

    private static final JavaClasses PORTAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.thingseeportal");

    @Test
    void views_and_layouts_live_only_in_ui_packages() {
        classes()
                .that()
                .areAnnotatedWith(Route.class)
                .or()
                .areAnnotatedWith(Layout.class)
                .should()
                .resideInAPackage("..ui..")
                .check(PORTAL);
    }

    @Test
    void every_view_and_layout_has_exactly_one_access_annotation() {
        classes()
                .that()
                .areAnnotatedWith(Route.class)
                .or()
                .areAnnotatedWith(Layout.class)
                .should(haveExactlyOneAccessAnnotation())
                .check(PORTAL);
    }

    @Test
    void features_do_not_depend_on_each_other_in_cycles() {
        slices().matching("io.thingseeportal.(*)..").should().beFreeOfCycles().check(PORTAL);
    }

    @Test
    void repositories_are_used_only_by_the_services_of_their_own_feature() {
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .should()
                .onlyHaveDependentClassesThat()
                .areAnnotatedWith(Service.class)
                .orShould()
                .onlyHaveDependentClassesThat()
                .areAssignableTo(Repository.class)
                .check(PORTAL);
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .should()
                .bePackagePrivate()
                .check(PORTAL);
    }

    @Test
    void only_services_and_their_repositories_query_the_database() {
        noClasses()
                .that()
                .areNotAnnotatedWith(Service.class)
                .and()
                .areNotAnnotatedWith(org.springframework.stereotype.Repository.class)
                .should()
                .dependOnClassesThat()
                .areAssignableTo(JdbcClient.class)
                .check(PORTAL);
    }

    @Test
    void sql_repositories_are_package_private_and_used_only_by_their_features_services() {
        classes()
                .that()
                .areAnnotatedWith(org.springframework.stereotype.Repository.class)
                .should()
                .bePackagePrivate()
                .andShould()
                .onlyHaveDependentClassesThat()
                .areAnnotatedWith(Service.class)
                .check(PORTAL);
    }

    @Test
    void views_use_services_and_never_the_database_or_remote_clients() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.jdbc..",
                        "org.springframework.data..",
                        "org.springframework.web.reactive.function.client..",
                        "org.eclipse.paho..")
                .check(PORTAL);
    }

    @Test
    void nothing_outside_the_demo_uses_the_demo_parts() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.thingseeportal.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.thingseeportal.demo..")
                .check(PORTAL);
    }

    @Test
    void nothing_outside_the_simulator_uses_it() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.thingseeportal.simulator..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.thingseeportal.simulator..")
                .check(PORTAL);
    }

    /**
     * The simulator stands for the Thingsee cloud and its devices: it shares only the catalog file with the portal,
     * read by a reader of its own. Its admin views and services may use the portal's roles and tenants, nothing else.
     */
    @Test
    void the_simulator_uses_nothing_of_the_portal_but_its_roles_and_tenants() {
        classes()
                .that()
                .resideInAPackage("io.thingseeportal.simulator..")
                .should()
                .onlyDependOnClassesThat(JavaClass.Predicates.resideOutsideOfPackage("io.thingseeportal..")
                        .or(JavaClass.Predicates.resideInAnyPackage(
                                "io.thingseeportal.simulator..",
                                "io.thingseeportal.security..",
                                "io.thingseeportal.tenant..")))
                .check(PORTAL);
    }

    private static ArchCondition<JavaClass> haveExactlyOneAccessAnnotation() {
        var annotations = List.of(PermitAll.class, RolesAllowed.class, AnonymousAllowed.class, DenyAll.class);
        return new ArchCondition<>("have exactly one of @PermitAll, @RolesAllowed, @AnonymousAllowed, @DenyAll") {
            @Override
            public void check(JavaClass view, ConditionEvents events) {
                long count = annotations.stream().filter(view::isAnnotatedWith).count();
                events.add(new SimpleConditionEvent(
                        view, count == 1, view.getName() + " has " + count + " access annotations"));
            }
        };
    }
}
