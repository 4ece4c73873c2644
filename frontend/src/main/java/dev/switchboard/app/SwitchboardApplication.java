package dev.switchboard.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import com.vaadin.flow.spring.annotation.EnableVaadin;

/** The server: assembles platform, nodes and the UI into one Spring Boot application. */
@SpringBootApplication(scanBasePackages = "dev.switchboard")
@EnableVaadin("dev.switchboard.ui")
public class SwitchboardApplication {

    static void start(String[] args) {
        SpringApplication.run(SwitchboardApplication.class, args);
    }
}
