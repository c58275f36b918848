package io.thingseeportal;

import io.thingseeportal.thingsee.ThingseeClient;
import io.thingseeportal.thingsee.ThingseeStack;
import io.thingseeportal.thingsee.ThingseeStacks;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Base of the Karibu tests of features that call Thingsee: the client and the tenants' stacks are mocks, the same in
 * every such test, so that they all share one application context.
 */
public abstract class MockedThingseeTest extends KaribuTest {

    protected static final ThingseeStack STACK =
            new ThingseeStack(URI.create("http://thingsee.test/v1/"), "id", "secret");

    @MockitoBean
    protected ThingseeClient thingsee;

    @MockitoBean
    protected ThingseeStacks stacks;

    @Autowired
    protected JdbcClient jdbc;

    /** A test stubs {@code forTenant}; {@code require} reads it as the real one does. */
    @BeforeEach
    void requireReadsTheStubbedStacks() {
        Mockito.when(stacks.require(ArgumentMatchers.anyString())).thenCallRealMethod();
    }
}
