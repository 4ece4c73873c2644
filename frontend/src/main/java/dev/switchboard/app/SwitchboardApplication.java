package dev.switchboard.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The server: assembles platform and nodes (and, later, the UI) into one Spring Boot application. */
@SpringBootApplication(scanBasePackages = "dev.switchboard")
public class SwitchboardApplication {

    static void start(String[] args) {
        SpringApplication.run(SwitchboardApplication.class, args);
    }
}
