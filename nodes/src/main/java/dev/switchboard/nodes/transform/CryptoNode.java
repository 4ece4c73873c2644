package dev.switchboard.nodes.transform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.switchboard.nodes.support.ItemLoop;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * Crypto (version 1): hashes or HMACs a text or a binary attachment (MD5, SHA-1, SHA-2, SHA-3; hex or
 * base64), signs a text with a PEM private key, or generates a UUID or a random hex, base64 or ASCII
 * string. The result goes to one field; an attachment that was hashed is not passed on, as in n8n.
 */
public final class CryptoNode implements NodeType {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("crypto", "Crypto", NodeCategory.TRANSFORM)
            .description("Hashes, signs or generates random values.")
            .parameters(
                    ParameterSpec.options("action", "Action", "hash", "generate", "hash", "hmac", "sign")
                            .help("Generate a random string, hash or HMAC a value or file, or sign a value."),
                    ParameterSpec.of("binaryData", "Binary File", ParameterType.BOOLEAN, false)
                            .help("Whether to hash an attachment instead of a value.").showWhen("action", "hash", "hmac"),
                    ParameterSpec.of("binaryPropertyName", "Binary Property Name", ParameterType.STRING, "data")
                            .help("The attachment to hash.").showWhen("binaryData", true),
                    ParameterSpec.options("type", "Type", "MD5", "MD5", "SHA1", "SHA256", "SHA384", "SHA512", "SHA3-256",
                            "SHA3-384", "SHA3-512").help("The hash function.").showWhen("action", "hash", "hmac"),
                    ParameterSpec.of("value", "Value", ParameterType.STRING, "")
                            .help("The text to hash, HMAC or sign.").showWhen("action", "hash", "hmac", "sign"),
                    ParameterSpec.of("dataPropertyName", "Property Name", ParameterType.STRING, "data")
                            .help("The field to write the result to."),
                    ParameterSpec.options("encoding", "Encoding", "hex", "hex", "base64")
                            .showWhen("action", "hash", "hmac", "sign"),
                    ParameterSpec.of("secret", "Secret", ParameterType.STRING, "").help("The HMAC key.")
                            .showWhen("action", "hmac").asSecret(),
                    ParameterSpec.of("algorithm", "Algorithm", ParameterType.STRING, "")
                            .help("The signature algorithm, as Node names it: RSA-SHA256, sha256, ecdsa-with-SHA256 ...")
                            .showWhen("action", "sign"),
                    ParameterSpec.of("privateKey", "Private Key", ParameterType.STRING, "")
                            .help("A PEM private key (PKCS#8, or PKCS#1 RSA, or SEC1 EC).").showWhen("action", "sign").asSecret(),
                    ParameterSpec.options("encodingType", "Type", "uuid", "ascii", "base64", "hex", "uuid")
                            .help("What to generate.").showWhen("action", "generate"),
                    ParameterSpec.of("stringLength", "Length", ParameterType.NUMBER, 32)
                            .help("Length of the generated string.").showWhen("encodingType", "ascii", "base64", "hex"))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String action = context.string("action", 0, "hash");
        return NodeResult.of(ItemLoop.mapEachNamingItem(context,
                (item, i) -> List.of(apply(context, action, item, i))));
    }

    private static Item apply(NodeContext context, String action, Item item, int i) {
        String property = context.string("dataPropertyName", i, "data");
        String value = context.string("value", i, "");
        boolean binaryUsed = false;
        String result;
        switch (action) {
            case "generate" -> result = generate(context.string("encodingType", i, "uuid"),
                    (int) context.number("stringLength", i, 32), i);
            case "hash", "hmac" -> {
                String type = context.string("type", i, "MD5");
                String encoding = context.string("encoding", i, "hex");
                byte[] data;
                if (context.bool("binaryData", i, false)) {
                    data = binary(item, context.string("binaryPropertyName", i, "data"), i);
                    binaryUsed = true;
                } else {
                    data = value.getBytes(StandardCharsets.UTF_8);
                }
                byte[] digest = "hash".equals(action) ? hash(type, data, i)
                        : hmac(type, context.string("secret", i, "").getBytes(StandardCharsets.UTF_8), data, i);
                result = encode(digest, encoding, i);
            }
            case "sign" -> result = encode(CryptoSigning.sign(context.string("algorithm", i, ""),
                    context.string("privateKey", i, ""), value.getBytes(StandardCharsets.UTF_8), i),
                    context.string("encoding", i, "hex"), i);
            default -> throw new NodeException("Parameter \"action\": unknown action \"" + action
                    + "\"; use generate, hash, hmac or sign", i);
        }
        Map<String, Object> json = item.jsonCopy();
        json.put(property, result);
        return new Item(json, binaryUsed ? null : item.binary(), null).withPairedItem(i);
    }

    static String generate(String type, int length, int itemIndex) {
        if ("uuid".equals(type)) {
            return UUID.randomUUID().toString();
        }
        if (length < 0) {
            throw new NodeException("Parameter \"stringLength\" must not be negative but is " + length, itemIndex);
        }
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return switch (type) {
            case "hex" -> HexFormat.of().formatHex(bytes).substring(0, length);
            case "base64" -> {
                String s = Base64.getEncoder().encodeToString(bytes).replaceAll("\\W", "");
                yield s.substring(0, Math.min(length, s.length()));
            }
            case "ascii" -> {
                StringBuilder sb = new StringBuilder(length);
                for (byte b : bytes) {
                    sb.append((char) (b & 0x7F));
                }
                yield sb.toString();
            }
            default -> throw new NodeException("Parameter \"encodingType\": unknown type \"" + type
                    + "\"; use ascii, base64, hex or uuid", itemIndex);
        };
    }

    /** The Java name of a digest as Node names it (md5, SHA256, sha3-256, RSA-SHA1 ...). */
    static String digestName(String type, int itemIndex) {
        String t = type.toLowerCase(Locale.ROOT).replace("rsa-", "").replace("_", "-");
        return switch (t) {
            case "md5" -> "MD5";
            case "sha1", "sha-1" -> "SHA-1";
            case "sha224", "sha-224" -> "SHA-224";
            case "sha256", "sha-256" -> "SHA-256";
            case "sha384", "sha-384" -> "SHA-384";
            case "sha512", "sha-512" -> "SHA-512";
            case "sha512-224" -> "SHA-512/224";
            case "sha512-256" -> "SHA-512/256";
            case "sha3-224" -> "SHA3-224";
            case "sha3-256" -> "SHA3-256";
            case "sha3-384" -> "SHA3-384";
            case "sha3-512" -> "SHA3-512";
            default -> throw new NodeException("Parameter \"type\": unsupported hash \"" + type
                    + "\"; use MD5, SHA1, SHA256, SHA384, SHA512 or SHA3-256/384/512", itemIndex);
        };
    }

    static byte[] hash(String type, byte[] data, int itemIndex) {
        try {
            return MessageDigest.getInstance(digestName(type, itemIndex)).digest(data);
        } catch (GeneralSecurityException e) {
            throw new NodeException("Parameter \"type\": unsupported hash \"" + type + "\"", itemIndex);
        }
    }

    static byte[] hmac(String type, byte[] secret, byte[] data, int itemIndex) {
        String digest = digestName(type, itemIndex);
        String algorithm = "Hmac" + (digest.startsWith("SHA3-") || digest.contains("/") ? digest : digest.replace("-", ""));
        try {
            Mac mac = Mac.getInstance(algorithm);
            // HMAC pads keys with zero bytes, so an empty key equals a single zero byte
            mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new NodeException("Parameter \"type\": unsupported HMAC hash \"" + type + "\"", itemIndex);
        }
    }

    static String encode(byte[] bytes, String encoding, int itemIndex) {
        return switch (encoding) {
            case "hex" -> HexFormat.of().formatHex(bytes);
            case "base64" -> Base64.getEncoder().encodeToString(bytes);
            default -> throw new NodeException("Parameter \"encoding\": unknown encoding \"" + encoding
                    + "\"; use hex or base64", itemIndex);
        };
    }

    private static byte[] binary(Item item, String property, int itemIndex) {
        Object entry = item.binary().get(property);
        if (!(entry instanceof Map<?, ?> map)) {
            throw new NodeException("This operation expects the node's input data to contain a binary file '"
                    + property + "', but none was found [item " + itemIndex + "]", itemIndex);
        }
        if (!(map.get("data") instanceof String data)) {
            throw new NodeException("Parameter \"binaryPropertyName\": the attachment \"" + property
                    + "\" is held in storage and cannot be read here [item " + itemIndex + "]", itemIndex);
        }
        try {
            return Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new NodeException("Parameter \"binaryPropertyName\": the attachment \"" + property
                    + "\" is not valid base64 [item " + itemIndex + "]", itemIndex);
        }
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
