package io.thingseeportal.demo.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.demo.DemoProperties;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo broker's config.xml, checked against the schema that ships in HiveMQ's jar. */
class EmbeddedBrokerConfigTest {

    @TempDir
    Path folder;

    @Test
    void the_config_is_valid_for_hivemq_and_queues_far_more_than_a_thousand_messages_per_session() throws Exception {
        Path config = EmbeddedBroker.writeConfig(folder, new DemoProperties.Broker(true, 1884, "127.0.0.1"))
                .resolve("config.xml");

        try (InputStream xsd = EmbeddedBroker.class.getClassLoader().getResourceAsStream("config.xsd")) {
            assertThat(xsd).as("HiveMQ's config.xsd on the class path").isNotNull();
            var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(new StreamSource(xsd));
            schema.newValidator().validate(new StreamSource(config.toFile()));
        }
        assertThat(Files.readString(config)).contains("<max-queue-size>1000000</max-queue-size>");
        assertThat(EmbeddedBroker.MAX_QUEUED_MESSAGES).isGreaterThan(100_000);
    }
}
