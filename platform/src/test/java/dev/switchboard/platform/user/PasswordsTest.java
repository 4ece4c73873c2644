package dev.switchboard.platform.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Passwords are kept as salted PBKDF2 hashes that name their own cost. */
class PasswordsTest {

    private final Passwords passwords = new Passwords(1_000);

    @Test
    void aHashMatchesItsPasswordOnly() {
        String hash = passwords.hash("correct horse battery");
        assertThat(hash).startsWith("pbkdf2-sha256$1000$").doesNotContain("correct horse");
        assertThat(passwords.matches("correct horse battery", hash)).isTrue();
        assertThat(passwords.matches("correct horse batterY", hash)).isFalse();
        assertThat(passwords.matches(null, hash)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(passwords.hash("correct horse battery")).isNotEqualTo(passwords.hash("correct horse battery"));
    }

    @Test
    void hashesMadeWithAnotherCostStillMatch() {
        String older = new Passwords(500).hash("correct horse battery");
        assertThat(passwords.matches("correct horse battery", older)).isTrue();
    }

    @Test
    void somethingThatIsNotOurHashNeverMatches() {
        assertThat(passwords.matches("x", "x")).isFalse();
        assertThat(passwords.matches("x", "pbkdf2-sha256$10$!!$!!")).isFalse();
        assertThat(passwords.matches("x", null)).isFalse();
    }

    @Test
    void tooShortOrBlankPasswordsAreRefusedWithTheRule() {
        assertThatThrownBy(() -> Passwords.check("short")).isInstanceOf(UserException.Invalid.class)
                .hasMessageContaining("at least 10 characters");
        assertThatThrownBy(() -> Passwords.check("   ")).hasMessageContaining("\"password\" is required");
        assertThat(Passwords.check("long enough!")).isEqualTo("long enough!");
    }

    @Test
    void generatedPasswordsAreLongAndDifferent() {
        assertThat(Passwords.generate()).hasSize(20).isNotEqualTo(Passwords.generate()).matches("[A-Za-z0-9]+");
    }
}
