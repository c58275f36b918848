package io.thingseeportal.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.ThingseeException;
import io.thingseeportal.thingsee.ThingseeGroup;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextCallable;
import org.springframework.security.core.context.SecurityContextHolder;

/** Creating groups: Thingsee first, then the portal, and a record of who did it. Thingsee is a mock here. */
class GroupServiceTest extends MockedThingseeTest {

    static final GroupId OFFICE = GroupId.parse("prfi00office");

    @Autowired
    GroupService groups;

    long tenantId;

    /** The threads of {@link #createInAThreadOfItsOwn}, to see which of them waits. */
    private final Map<FutureTask<?>, Thread> threads = new ConcurrentHashMap<>();

    @BeforeEach
    void signInAsAdminWithAStack() {
        tenantId = TestData.tenant(jdbc, "Acme");
        signIn("Aino Virtanen", tenantId, AppRoles.ADMIN);
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
    }

    @Test
    void a_group_is_created_in_thingsee_and_then_in_the_portal_with_who_created_it() {
        when(thingsee.createGroup(STACK, "prfi00office", "Head office"))
                .thenReturn(new ThingseeGroup("prfi00office", "Head office"));

        DeploymentGroup created = groups.create(OFFICE, "  Head office ");

        verify(thingsee).createGroup(STACK, "prfi00office", "Head office");
        assertThat(created.id()).isEqualTo(OFFICE);
        assertThat(created.description()).isEqualTo("Head office");
        assertThat(groups.find(OFFICE)).contains(created);
        assertThat(groups.changes(OFFICE)).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(GroupChange.Kind.CREATED);
            assertThat(change.changedBy()).isEqualTo("Aino Virtanen");
        });
        assertThat(TestData.audit(jdbc, tenantId)).containsExactly("GROUP_CHANGED prfi00office: CREATED");
    }

    @Test
    void when_thingsee_refuses_the_group_the_portal_stores_nothing() {
        when(thingsee.createGroup(any(), anyString(), any()))
                .thenThrow(new ThingseeException.InvalidRequest(400, "Bad Request", "Invalid group id"));

        assertThatThrownBy(() -> groups.create(OFFICE, null))
                .isInstanceOfSatisfying(
                        ThingseeException.InvalidRequest.class,
                        e -> assertThat(e.apiMessage()).isEqualTo("Invalid group id"));
        assertThat(groups.find(OFFICE)).isEmpty();
        assertThat(groups.countGroups()).isZero();
    }

    @Test
    void a_group_that_exists_in_thingsee_only_is_imported_and_reported_as_existing() {
        when(thingsee.createGroup(any(), anyString(), any()))
                .thenThrow(new ThingseeException.Conflict(409, "Conflict", "Group exists"));

        assertThatThrownBy(() -> groups.create(OFFICE, null))
                .isInstanceOfSatisfying(
                        GroupAlreadyExistsException.class,
                        e -> assertThat(e.groupId()).isEqualTo(OFFICE));
        assertThat(groups.find(OFFICE)).isPresent();
        assertThat(groups.changes(OFFICE)).extracting(GroupChange::kind).containsExactly(GroupChange.Kind.IMPORTED);
    }

    @Test
    void creating_a_group_the_portal_has_does_not_call_thingsee_again() {
        when(thingsee.createGroup(any(), anyString(), any())).thenReturn(new ThingseeGroup("prfi00office", null));
        groups.create(OFFICE, null);

        assertThatThrownBy(() -> groups.create(OFFICE, null)).isInstanceOf(GroupAlreadyExistsException.class);

        verify(thingsee).createGroup(eq(STACK), eq("prfi00office"), any());
        assertThat(groups.countGroups()).isEqualTo(1);
    }

    @Test
    void a_description_over_100_characters_is_refused_before_anything_happens() {
        assertThatThrownBy(() -> groups.create(OFFICE, "x".repeat(101))).isInstanceOf(IllegalArgumentException.class);
        verify(thingsee, never()).createGroup(any(), anyString(), any());
    }

    @Test
    void a_viewer_cannot_create_groups() {
        signIn("Veera", tenantId, AppRoles.VIEWER);

        assertThatThrownBy(() -> groups.create(OFFICE, null)).isInstanceOf(AccessDeniedException.class);
        verify(thingsee, never()).createGroup(any(), anyString(), any());
    }

    @Test
    void another_tenant_never_sees_the_group() {
        when(thingsee.createGroup(any(), anyString(), any())).thenReturn(new ThingseeGroup("prfi00office", null));
        groups.create(OFFICE, null);

        signIn("Britt", TestData.tenant(jdbc, "Borealis"), AppRoles.ADMIN);

        assertThat(groups.find(OFFICE)).isEmpty();
        assertThat(groups.changes(OFFICE)).isEmpty();
        assertThat(groups.countGroups()).isZero();
    }

    @Test
    void a_group_created_in_the_background_is_created_off_the_callers_thread_as_the_signed_in_user() throws Exception {
        var thingseeThread = new AtomicReference<Thread>();
        when(thingsee.createGroup(any(), anyString(), any())).thenAnswer(call -> {
            thingseeThread.set(Thread.currentThread());
            return new ThingseeGroup("prfi00office", "Head office");
        });

        DeploymentGroup created =
                groups.createInBackground(OFFICE, "Head office").get(10, TimeUnit.SECONDS);

        assertThat(created.id()).isEqualTo(OFFICE);
        assertThat(thingseeThread.get()).isNotNull().isNotSameAs(Thread.currentThread());
        assertThat(groups.changes(OFFICE))
                .singleElement()
                .satisfies(change -> assertThat(change.changedBy()).isEqualTo("Aino Virtanen"));
    }

    @Test
    void a_viewer_cannot_create_groups_in_the_background_either() {
        signIn("Veera", tenantId, AppRoles.VIEWER);

        assertThatThrownBy(() -> groups.createInBackground(OFFICE, null)).isInstanceOf(AccessDeniedException.class);
        verify(thingsee, never()).createGroup(any(), anyString(), any());
    }

    @Test
    void two_simultaneous_creations_of_one_group_ask_thingsee_once() throws Exception {
        var thingseeAnswers = new CountDownLatch(1);
        when(thingsee.createGroup(any(), anyString(), any())).thenAnswer(call -> {
            thingseeAnswers.await(10, TimeUnit.SECONDS);
            return new ThingseeGroup("prfi00office", null);
        });
        FutureTask<DeploymentGroup> first = createInAThreadOfItsOwn();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> verify(thingsee).createGroup(any(), anyString(), any()));
        FutureTask<DeploymentGroup> second = createInAThreadOfItsOwn();
        // The second request waits for the first (without the guard it would be in Thingsee, timed waiting).
        await().atMost(Duration.ofSeconds(10)).until(() -> threadOf(second).getState() == Thread.State.WAITING);
        thingseeAnswers.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).id()).isEqualTo(OFFICE);
        assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(GroupAlreadyExistsException.class);
        verify(thingsee).createGroup(eq(STACK), eq("prfi00office"), any());
        assertThat(groups.countGroups()).isEqualTo(1);
    }

    private FutureTask<DeploymentGroup> createInAThreadOfItsOwn() {
        var task = new FutureTask<>(new DelegatingSecurityContextCallable<>(
                () -> groups.create(OFFICE, null), SecurityContextHolder.getContext()));
        var thread = new Thread(task, "create-" + threads.size());
        threads.put(task, thread);
        thread.start();
        return task;
    }

    private Thread threadOf(FutureTask<?> task) {
        return threads.get(task);
    }
}
