package org.edugraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts EduGraph: the GraphQL API over the graph of schools, groups, programs and pairings. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EduGraphApplication {

    public static void main(String[] args) {
        SpringApplication.run(EduGraphApplication.class, args);
    }
}
