package dev.switchboard.platform.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the master key comes from, how it is kept, and how a bad one is refused. */
class MasterKeyTest {

    @TempDir
    Path dir;

    private static String base64(int bytes, int fill) {
        byte[] key = new byte[bytes];
        java.util.Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void aConfiguredKeyIsUsedAndNoFileIsWritten() {
        MasterKey key = MasterKey.load(base64(32, 7), dir);
        assertThat(key.source()).isEqualTo("SWITCHBOARD_MASTER_KEY");
        assertThat(key.generated()).isFalse();
        assertThat(key.id()).hasSize(16).matches("[0-9a-f]+");
        assertThat(dir.resolve("master.key")).doesNotExist();
    }

    @Test
    void urlSafeBase64AndSurroundingWhitespaceAreAccepted() {
        byte[] raw = new byte[32];
        java.util.Arrays.fill(raw, (byte) 0xfb);
        String standard = Base64.getEncoder().encodeToString(raw);
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        assertThat(MasterKey.fromBase64(urlSafe, "test")).isEqualTo(MasterKey.fromBase64("  " + standard + "\n", "test"));
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceIntoTheDataDirectoryWithMode0600() throws Exception {
        MasterKey first = MasterKey.load(null, dir);
        Path file = dir.resolve("master.key");
        assertThat(first.generated()).isTrue();
        assertThat(first.source()).isEqualTo(file.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(MasterKey.readableByOthers(file)).isFalse();

        MasterKey again = MasterKey.load("", dir);
        assertThat(again.generated()).isFalse();
        assertThat(again).isEqualTo(first);
        assertThat(again.id()).isEqualTo(first.id());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aKeyFileIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("master.key");
        MasterKey.generate().writeNew(file);
        String before = Files.readString(file);
        assertThatThrownBy(() -> MasterKey.generate().writeNew(file)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void aMalformedConfiguredKeyIsRefusedWithAClearMessageThatDoesNotQuoteIt() {
        String notBase64 = "this-is-not*base64!secretish";
        assertThatThrownBy(() -> MasterKey.load(notBase64, dir))
                .isInstanceOf(MasterKey.InvalidKeyException.class)
                .hasMessageContaining("SWITCHBOARD_MASTER_KEY is not a valid master key")
                .hasMessageContaining("not base64")
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageNotContaining("secretish")
                .hasNoCause();
        String tooShort = base64(16, 9);
        assertThatThrownBy(() -> MasterKey.load(tooShort, dir))
                .isInstanceOf(MasterKey.InvalidKeyException.class)
                .hasMessageContaining("decodes to 16 bytes, not 32")
                .hasMessageNotContaining(tooShort);
        assertThat(dir.resolve("master.key")).doesNotExist();
    }

    @Test
    void aDamagedKeyFileIsRefusedNamingTheFile() throws Exception {
        Path file = dir.resolve("master.key");
        Files.writeString(file, base64(31, 1));
        assertThatThrownBy(() -> MasterKey.load(null, dir)).isInstanceOf(MasterKey.InvalidKeyException.class)
                .hasMessageContaining("the key file " + file).hasMessageContaining("31 bytes");
    }

    @Test
    void existingNeverGeneratesAKey() {
        assertThatThrownBy(() -> MasterKey.existing(null, dir)).isInstanceOf(MasterKey.InvalidKeyException.class)
                .hasMessageContaining("there is no master key").hasMessageContaining("SWITCHBOARD_MASTER_KEY");
        assertThat(dir.resolve("master.key")).doesNotExist();
    }

    @Test
    void aKeyFileReadableByOthersIsNoticed() throws Exception {
        Path file = dir.resolve("master.key");
        MasterKey.generate().writeNew(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(MasterKey.readableByOthers(file)).isTrue();
    }

    @Test
    void differentKeysHaveDifferentIdsAndNoKeyMaterialIsPrinted() {
        String text = base64(32, 3);
        MasterKey a = MasterKey.fromBase64(text, "test");
        MasterKey b = MasterKey.generate();
        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(a).isNotEqualTo(b);
        assertThat(a.toString()).contains(a.id()).doesNotContain(text).doesNotContain(text.substring(0, 10));
    }
}
