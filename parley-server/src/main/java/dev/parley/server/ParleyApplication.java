package dev.parley.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** The Parley server: one deployable made of feature modules. */
@Modulithic(sharedModules = "shared")
@SpringBootApplication
@ConfigurationPropertiesScan
public class ParleyApplication {

    /** Starts the server. */
    public static void main(String[] args) {
        SpringApplication.run(ParleyApplication.class, args);
    }
}
