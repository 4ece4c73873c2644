package dev.switchboard.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;

/** The page around every view: Vaadin 25 applies the Lumo theme only when the shell asks for it. */
@StyleSheet(Lumo.STYLESHEET)
public class AppShell implements AppShellConfigurator {
}
