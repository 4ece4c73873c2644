package dev.switchboard.nodes.transform;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;

import dev.switchboard.platform.node.NodeException;

/**
 * Signing as Node's {@code createSign(algorithm).sign(pemKey)} does it: RSA (PKCS#1 v1.5), ECDSA
 * (DER signature) or DSA, chosen by the key; the digest comes from the algorithm name (RSA-SHA256,
 * sha256, ecdsa-with-SHA256, sha256WithRSAEncryption). Keys are PEM: PKCS#8, PKCS#1 RSA or SEC1 EC,
 * unencrypted.
 */
final class CryptoSigning {

    private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
    private static final byte[] EC_PUBLIC_KEY_OID = hex("06072a8648ce3d0201");

    private CryptoSigning() {
    }

    static byte[] sign(String algorithm, String pem, byte[] data, int itemIndex) {
        if (algorithm == null || algorithm.isBlank()) {
            throw new NodeException("Parameter \"algorithm\" is empty; give one such as RSA-SHA256", itemIndex);
        }
        PrivateKey key = privateKey(pem, itemIndex);
        String digest = CryptoNode.digestName(digestOf(algorithm), itemIndex).replace("-", "");
        if (digest.startsWith("SHA3")) {
            digest = "SHA3-" + digest.substring(4);
        }
        String scheme = switch (key.getAlgorithm()) {
            case "RSA" -> "RSA";
            case "EC" -> "ECDSA";
            case "DSA" -> "DSA";
            default -> throw new NodeException("Parameter \"privateKey\": " + key.getAlgorithm()
                    + " keys cannot be used with a digest algorithm", itemIndex);
        };
        try {
            Signature signature = Signature.getInstance(digest + "with" + scheme);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new NodeException("Parameter \"algorithm\": cannot sign with \"" + algorithm + "\" and this key: "
                    + e.getMessage(), itemIndex);
        }
    }

    private static String digestOf(String algorithm) {
        String a = algorithm.toLowerCase(Locale.ROOT).trim();
        for (String prefix : new String[] {"rsa-", "ecdsa-with-", "dsa-with-", "dsa-"}) {
            if (a.startsWith(prefix)) {
                a = a.substring(prefix.length());
            }
        }
        for (String suffix : new String[] {"withrsaencryption", "withrsa", "withecdsa", "withdsa"}) {
            if (a.endsWith(suffix)) {
                a = a.substring(0, a.length() - suffix.length());
            }
        }
        return a;
    }

    static PrivateKey privateKey(String pem, int itemIndex) {
        String text = pem == null ? "" : pem.trim();
        if (text.contains("ENCRYPTED")) {
            throw new NodeException("Parameter \"privateKey\": encrypted keys are not supported; give the key unencrypted",
                    itemIndex);
        }
        String type;
        byte[] der;
        try {
            int begin = text.indexOf("-----BEGIN ");
            int typeEnd = text.indexOf("-----", begin + 11);
            int end = text.indexOf("-----END ", typeEnd);
            if (begin < 0 || typeEnd < 0 || end < 0) {
                throw new IllegalArgumentException("no PEM block");
            }
            type = text.substring(begin + 11, typeEnd).trim();
            der = Base64.getMimeDecoder().decode(text.substring(typeEnd + 5, end).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new NodeException("Parameter \"privateKey\": not a PEM private key", itemIndex);
        }
        byte[] pkcs8 = switch (type) {
            case "PRIVATE KEY" -> der;
            case "RSA PRIVATE KEY" -> sequence(concat(hex("020100"), RSA_ALGORITHM, tagged(0x04, der)));
            case "EC PRIVATE KEY" -> ecToPkcs8(der, itemIndex);
            default -> throw new NodeException("Parameter \"privateKey\": unsupported PEM block \"" + type + "\"", itemIndex);
        };
        for (String algorithm : new String[] {"RSA", "EC", "DSA", "Ed25519", "Ed448"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                // try the next key type
            }
        }
        throw new NodeException("Parameter \"privateKey\": the key cannot be read", itemIndex);
    }

    /** Wraps a SEC1 EC key (which names its curve) into PKCS#8. */
    private static byte[] ecToPkcs8(byte[] sec1, int itemIndex) {
        byte[] curve = findCurveOid(sec1);
        if (curve == null) {
            throw new NodeException("Parameter \"privateKey\": the EC key does not name its curve", itemIndex);
        }
        byte[] algorithm = sequence(concat(EC_PUBLIC_KEY_OID, curve));
        return sequence(concat(hex("020100"), algorithm, tagged(0x04, sec1)));
    }

    /** The curve OID inside the SEC1 structure's [0] parameters. */
    private static byte[] findCurveOid(byte[] der) {
        for (int i = 0; i + 2 < der.length; i++) {
            if ((der[i] & 0xFF) == 0xA0 && der[i + 2] == 0x06) {
                int len = der[i + 3] & 0xFF;
                if (i + 4 + len <= der.length) {
                    byte[] oid = new byte[len + 2];
                    System.arraycopy(der, i + 2, oid, 0, len + 2);
                    return oid;
                }
            }
        }
        return null;
    }

    private static byte[] sequence(byte[] content) {
        return tagged(0x30, content);
    }

    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else if (len < 0x10000) {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len & 0xFF);
        } else {
            out.write(0x83);
            out.write(len >> 16);
            out.write((len >> 8) & 0xFF);
            out.write(len & 0xFF);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}
