package io.github.camelanaplan.runtimes.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * camel-anaplan on Camel Spring Boot. The component has no Java configuration at all: everything comes from
 * {@code camel.component.anaplan.*} in application.properties (or environment variables / command-line arguments).
 */
@SpringBootApplication
public class AnaplanSpringBootApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnaplanSpringBootApplication.class, args);
    }
}
