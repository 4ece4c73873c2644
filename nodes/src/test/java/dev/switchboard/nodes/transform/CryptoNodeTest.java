package dev.switchboard.nodes.transform;

import static dev.switchboard.nodes.NodeTestKit.objs;
import static dev.switchboard.nodes.transform.FieldNodeRuns.error;
import static dev.switchboard.nodes.transform.FieldNodeRuns.items;
import static dev.switchboard.nodes.transform.FieldNodeRuns.out;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.nodes.transform.FieldNodeRuns.Spec;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;

class CryptoNodeTest {

    private static final String CRYPTO = "n8n-nodes-base.crypto";
    private static final String SEC1_EC_KEY = """
            -----BEGIN EC PRIVATE KEY-----
            MHcCAQEEIB0Qe1dxVmUAvSfkXpswAVolfSKKCDPVwijLOKUpzarAoAoGCCqGSM49
            AwEHoUQDQgAEAKufrJfLb+dJi3a7hxBgnERSBWybJ752iXvUjrSIEGPG4hcaMCr+
            j1/3qF8m0OUOmpkfz82KwiOeZ4nWGeTopg==
            -----END EC PRIVATE KEY-----""";

    private static Object data(String parameters) {
        RunResult r = Spec.of(CRYPTO, 1, parameters).run("[{\"keep\":true}]");
        assertThat(r.status()).as(String.valueOf(error(r))).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(out(r).get(0)).containsEntry("keep", true);
        return out(r).get(0).get("data");
    }

    private static String params(Map<String, Object> p) {
        return Json.write(p);
    }

    @Test
    void hashesTextWithEachHashAndEncoding() {
        assertThat(data("{\"value\":\"hello\"}")).isEqualTo("5d41402abc4b2a76b9719d911017c592");
        assertThat(data("{\"value\":\"hello\",\"type\":\"SHA1\"}")).isEqualTo("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d");
        assertThat(data("{\"value\":\"hello\",\"type\":\"SHA256\"}"))
                .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(data("{\"value\":\"hi\",\"type\":\"SHA384\"}")).isEqualTo(
                "0791006df8128477244f53d0fdce210db81f55757510e26acee35c18a6bceaa28dcdbbfd6dc041b9b4dc7b1b54e37f52");
        assertThat(data("{\"value\":\"hello\",\"type\":\"SHA512\",\"encoding\":\"base64\"}")).isEqualTo(
                "m3HSJL1i83hdltRq0+o9czGb+8KJDKra4t/3JRlnPKcjI8PZm6XBHXx6zG4UuMXaDEZjR1wuXDre9G9zvN7AQw==");
        assertThat(data("{\"value\":\"hello\",\"type\":\"SHA3-256\"}"))
                .isEqualTo("3338be694f50c5f338814986cdf0686453a888b84f424d792af4b9202398f392");
        assertThat(data("{\"value\":\"h\u00e9llo\",\"type\":\"md5\"}")).isEqualTo("be50e8478cf24ff3595bc7307fb91b50");
    }

    @Test
    void hmacUsesTheSecretEvenWhenItIsEmpty() {
        assertThat(data("{\"action\":\"hmac\",\"value\":\"hello\",\"type\":\"SHA256\",\"secret\":\"secret\"}"))
                .isEqualTo("88aab3ede8d3adf94d26ab90d3bafd4a2083070c3bcce9c014ee04a443847c0b");
        assertThat(data("{\"action\":\"hmac\",\"value\":\"hello\",\"type\":\"SHA256\"}"))
                .isEqualTo("4352b26e33fe0d769a8922a6ba29004109f01688e26acc9e6cb347e5a5afc4da");
        assertThat(data("{\"action\":\"hmac\",\"value\":\"hello\",\"type\":\"SHA3-512\",\"secret\":\"k\"}")).isEqualTo(
                "f4b5180b78087d99833eafa9b12e8136c0931a7abbbc3bceffbb06c90caf978eb9e4793f8f456aeee381ca31328a95770df2db50f5104aa35ac890dc8a134379");
    }

    @Test
    void hashingAnAttachmentWritesTheHashAndDropsTheAttachment() {
        RunResult r = Spec.of(CRYPTO, 1, "{\"binaryData\":true,\"dataPropertyName\":\"md5\"}")
                .runWithCode("[{json: {name: 'f'}, binary: {data: {data: 'aGVsbG8=', mimeType: 'text/plain'}}}]");
        assertThat(out(r)).isEqualTo(objs("[{\"name\":\"f\",\"md5\":\"5d41402abc4b2a76b9719d911017c592\"}]"));
        assertThat(items(r).get(0).binary()).isEmpty();
        RunResult text = Spec.of(CRYPTO, 1, "{\"value\":\"x\"}")
                .runWithCode("[{json: {}, binary: {data: {data: 'aGVsbG8=', mimeType: 'text/plain'}}}]");
        assertThat(items(text).get(0).binary()).containsKey("data");
    }

    @Test
    void aMissingAttachmentFailsNamingIt() {
        RunResult r = Spec.of(CRYPTO, 1, "{\"binaryData\":true,\"binaryPropertyName\":\"file\"}").run("[{}]");
        assertThat(error(r)).contains("binary file 'file', but none was found [item 0]");
    }

    @Test
    void anUnknownHashFails() {
        RunResult r = Spec.of(CRYPTO, 1, "{\"value\":\"x\",\"type\":\"WHIRLPOOL\"}").run("[{}]");
        assertThat(error(r)).contains("unsupported hash \"WHIRLPOOL\"");
    }

    @Test
    void generatesUuidsAndRandomStringsOfTheGivenLength() {
        assertThat((String) data("{\"action\":\"generate\"}"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat((String) data("{\"action\":\"generate\",\"encodingType\":\"hex\",\"stringLength\":10}")).matches("[0-9a-f]{10}");
        assertThat((String) data("{\"action\":\"generate\",\"encodingType\":\"base64\",\"stringLength\":40}")).matches("\\w{20,40}");
        assertThat((String) data("{\"action\":\"generate\",\"encodingType\":\"hex\"}")).hasSize(32);
        String ascii = (String) data("{\"action\":\"generate\",\"encodingType\":\"ascii\",\"stringLength\":50}");
        assertThat(ascii).hasSize(50);
        assertThat(ascii.chars()).allMatch(c -> c < 128);
        assertThat(data("{\"action\":\"generate\",\"encodingType\":\"hex\"}")).isNotEqualTo(data("{\"action\":\"generate\",\"encodingType\":\"hex\"}"));
    }

    @Test
    void signsWithAPkcs8OrPkcs1RsaKeyAndTheSignatureVerifies() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair pair = generator.generateKeyPair();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        String pem8 = pem("PRIVATE KEY", pkcs8);
        String pem1 = pem("RSA PRIVATE KEY", innerOctetString(pkcs8));
        for (String pem : List.of(pem8, pem1)) {
            String signature = (String) data(params(Map.of("action", "sign", "value", "hello", "algorithm", "RSA-SHA256",
                    "privateKey", pem, "encoding", "base64")));
            assertThat(verify("SHA256withRSA", pair.getPublic(), Base64.getDecoder().decode(signature))).isTrue();
        }
        String hex = (String) data(params(Map.of("action", "sign", "value", "hello", "algorithm", "sha512WithRSAEncryption",
                "privateKey", pem8)));
        assertThat(verify("SHA512withRSA", pair.getPublic(), HexFormat.of().parseHex(hex))).isTrue();
    }

    @Test
    void signsWithEcKeysInPkcs8AndSec1Form() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        String signature = (String) data(params(Map.of("action", "sign", "value", "hello", "algorithm", "ecdsa-with-SHA256",
                "privateKey", pem("PRIVATE KEY", pair.getPrivate().getEncoded()))));
        assertThat(verify("SHA256withECDSA", pair.getPublic(), HexFormat.of().parseHex(signature))).isTrue();
        String sec1 = (String) data(params(Map.of("action", "sign", "value", "hello", "algorithm", "sha256",
                "privateKey", SEC1_EC_KEY)));
        assertThat(sec1).startsWith("30");
    }

    @Test
    void signingWithoutAUsableKeyFails() {
        RunResult r = Spec.of(CRYPTO, 1, params(Map.of("action", "sign", "value", "x", "algorithm", "RSA-SHA256",
                "privateKey", "not a key"))).run("[{}]");
        assertThat(error(r)).contains("not a PEM private key");
    }

    @Test
    void withContinueOnFailAFailureBecomesAnErrorItem() {
        RunResult r = Spec.of(CRYPTO, 1, "{\"value\":\"x\",\"type\":\"NOPE\"}").continueOnFail().run("[{}]");
        assertThat(out(r).get(0)).containsOnlyKeys("error");
    }

    private static boolean verify(String algorithm, PublicKey key, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(key);
        verifier.update("hello".getBytes(StandardCharsets.UTF_8));
        return verifier.verify(signature);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The PKCS#1 key inside a PKCS#8 RSA key: the content of its last OCTET STRING. */
    private static byte[] innerOctetString(byte[] pkcs8) {
        for (int i = 4; i < pkcs8.length - 4; i++) {
            if (pkcs8[i] == 0x04 && (pkcs8[i + 1] & 0xFF) == 0x82) {
                int len = ((pkcs8[i + 2] & 0xFF) << 8) | (pkcs8[i + 3] & 0xFF);
                if (i + 4 + len == pkcs8.length) {
                    return Arrays.copyOfRange(pkcs8, i + 4, i + 4 + len);
                }
            }
        }
        throw new IllegalStateException("no octet string");
    }

    @Test
    void theRsaHelperKeyReadsBack() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair pair = generator.generateKeyPair();
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) CryptoSigning.privateKey(
                pem("RSA PRIVATE KEY", innerOctetString(pair.getPrivate().getEncoded())), 0);
        PublicKey derived = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        assertThat(derived).isEqualTo(pair.getPublic());
    }
}
