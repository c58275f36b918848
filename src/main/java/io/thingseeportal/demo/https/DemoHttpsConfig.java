package io.thingseeportal.demo.https;

import io.thingseeportal.demo.DemoProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The demo over HTTPS for phones: {@code portal.demo.https=true} in the demo profile. */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnProperty(name = "portal.demo.https", havingValue = "true")
class DemoHttpsConfig {

    @Bean
    DemoHttpsConnector demoHttpsConnector(DemoProperties demo) {
        return new DemoHttpsConnector(demo);
    }

    @Bean
    PhoneAddressLog phoneAddressLog(DemoHttpsConnector https) {
        return new PhoneAddressLog(https);
    }
}
