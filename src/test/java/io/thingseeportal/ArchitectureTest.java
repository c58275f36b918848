package io.thingseeportal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
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
import org.springframework.context.event.EventListener;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

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

    /** The streams' settings come with their passwords opened: only the data stream itself reads them so. */
    @Test
    void only_the_data_stream_reads_the_streams_with_their_passwords() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.thingseeportal.thingsee", "io.thingseeportal.thingsee.mqtt")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.thingseeportal.thingsee.ConfiguredStreams")
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

    /**
     * Services are the security boundary: each public method of a public service says who may call it, on itself or
     * on its class. Package-private services (the engine's workers, the delivery of commands) are their feature's
     * inside and are reached only through a public service that checks; event listeners run for the portal, not for a
     * caller; methods a framework interface declares (a lifecycle's start and stop) are the framework's.
     */
    @Test
    void every_public_method_of_a_public_service_says_who_may_call_it() {
        methods()
                .that()
                .arePublic()
                .and()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(Service.class)
                .and()
                .areDeclaredInClassesThat()
                .arePublic()
                .and()
                .areNotAnnotatedWith(EventListener.class)
                .and()
                .areNotAnnotatedWith(TransactionalEventListener.class)
                .and(notDeclaredByAFrameworkInterface())
                .should(sayWhoMayCallThem())
                .check(PORTAL);
    }

    private static DescribedPredicate<JavaMethod> notDeclaredByAFrameworkInterface() {
        return new DescribedPredicate<>("not declared by an interface outside the portal") {
            @Override
            public boolean test(JavaMethod method) {
                return method.getOwner().getAllRawInterfaces().stream()
                        .filter(type -> !type.getPackageName().startsWith("io.thingseeportal"))
                        .flatMap(type -> type.getMethods().stream())
                        .noneMatch(declared -> declared.getName().equals(method.getName())
                                && declared.getRawParameterTypes().equals(method.getRawParameterTypes()));
            }
        };
    }

    private static ArchCondition<JavaMethod> sayWhoMayCallThem() {
        var annotations = List.of(PermitAll.class, RolesAllowed.class, DenyAll.class);
        return new ArchCondition<>("carry @RolesAllowed, @PermitAll or @DenyAll, or have a class that does") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean said = annotations.stream()
                        .anyMatch(annotation -> method.isAnnotatedWith(annotation)
                                || method.getOwner().isAnnotatedWith(annotation));
                events.add(
                        new SimpleConditionEvent(method, said, method.getFullName() + " does not say who may call it"));
            }
        };
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
