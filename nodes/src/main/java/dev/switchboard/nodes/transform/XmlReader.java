package dev.switchboard.nodes.transform;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.platform.json.JsValues;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Reads XML into JSON the way n8n's XML node does (xml2js's parser): text becomes strings, an
 * element with only text becomes its text, repeated elements become arrays (always, with
 * {@code explicitArray}), attributes merge into the element's object or sit under {@code $}, mixed
 * text sits under {@code _}. External entities and DTDs are never loaded.
 */
final class XmlReader {

    /** The parser options n8n offers, plus xml2js's explicitCharkey and emptyTag. */
    record Options(String attrkey, String charkey, boolean explicitArray, boolean explicitRoot, boolean ignoreAttrs,
                   boolean mergeAttrs, boolean normalize, boolean normalizeTags, boolean trim, boolean explicitCharkey,
                   Object emptyTag) {
    }

    private final Options options;

    XmlReader(Options options) {
        this.options = options;
    }

    /** One open element. */
    private static final class Frame {
        final String name;
        final Map<String, Object> obj = new LinkedHashMap<>();
        final StringBuilder text = new StringBuilder();
        boolean cdata;

        Frame(String name) {
            this.name = name;
        }
    }

    /** The document as JSON; null when the text is empty. */
    Object read(String xml) {
        if (JsText.isBlank(xml)) {
            return null;
        }
        if (!xml.isEmpty() && xml.charAt(0) == '\uFEFF') {
            xml = xml.substring(1);
        }
        Handler handler = new Handler();
        try {
            SAXParser parser = factory().newSAXParser();
            parser.setProperty("http://xml.org/sax/properties/lexical-handler", handler);
            parser.parse(new InputSource(new StringReader(xml)), handler);
        } catch (SAXParseException e) {
            throw new IllegalArgumentException("invalid XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage());
        } catch (SAXException | ParserConfigurationException | java.io.IOException e) {
            throw new IllegalArgumentException("invalid XML: " + e.getMessage());
        }
        return handler.result;
    }

    private static SAXParserFactory factory() throws ParserConfigurationException, SAXException {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(false);
        f.setValidating(false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f;
    }

    private final class Handler extends DefaultHandler2 {
        private final Deque<Frame> stack = new ArrayDeque<>();
        private boolean inCdata;
        Object result;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            String name = options.normalizeTags() ? qName.toLowerCase(Locale.ROOT) : qName;
            Frame frame = new Frame(name);
            frame.obj.put(options.charkey(), "");
            if (!options.ignoreAttrs()) {
                for (int i = 0; i < attributes.getLength(); i++) {
                    String key = attributes.getQName(i);
                    String value = attributes.getValue(i);
                    if (options.mergeAttrs()) {
                        assignOrPush(frame.obj, key, value);
                    } else {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> attrs = (Map<String, Object>) frame.obj
                                .computeIfAbsent(options.attrkey(), k -> new LinkedHashMap<String, Object>());
                        attrs.put(key, value);
                    }
                }
            }
            stack.push(frame);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            Frame top = stack.peek();
            if (top != null) {
                top.text.append(ch, start, length);
                if (inCdata) {
                    top.cdata = true;
                }
            }
        }

        @Override
        public void startCDATA() {
            inCdata = true;
            Frame top = stack.peek();
            if (top != null) {
                top.cdata = true;
            }
        }

        @Override
        public void endCDATA() {
            inCdata = false;
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Frame frame = stack.pop();
            Map<String, Object> obj = frame.obj;
            String charkey = options.charkey();
            Object value = obj;
            String text = frame.text.toString();
            String emptyText = null;
            if (JsText.isBlank(text) && !frame.cdata) {
                emptyText = text;
                if (obj.get(charkey) instanceof String) {
                    obj.remove(charkey);
                }
            } else {
                if (options.trim()) {
                    text = JsValues.trim(text);
                }
                if (options.normalize()) {
                    text = JsValues.trim(text.replaceAll("[\\s\\u00A0\\uFEFF]{2,}", " "));
                }
                if (obj.get(charkey) instanceof String) {
                    obj.put(charkey, text);
                }
                if (obj.size() == 1 && obj.containsKey(charkey) && !options.explicitCharkey()) {
                    value = obj.get(charkey);
                }
            }
            if (value instanceof Map<?, ?> m && m.isEmpty()) {
                value = options.emptyTag() != null && !"".equals(options.emptyTag())
                        ? options.emptyTag() : emptyText == null ? "" : emptyText;
            }
            Frame parent = stack.peek();
            if (parent != null) {
                assignOrPush(parent.obj, frame.name, value);
            } else if (options.explicitRoot()) {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put(frame.name, value);
                result = root;
            } else {
                result = value;
            }
        }

        @SuppressWarnings("unchecked")
        private void assignOrPush(Map<String, Object> obj, String key, Object value) {
            if (!obj.containsKey(key)) {
                if (options.explicitArray()) {
                    List<Object> list = new ArrayList<>();
                    list.add(value);
                    obj.put(key, list);
                } else {
                    obj.put(key, value);
                }
            } else {
                Object existing = obj.get(key);
                List<Object> list;
                if (existing instanceof List<?> l) {
                    list = (List<Object>) l;
                } else {
                    list = new ArrayList<>();
                    list.add(existing);
                    obj.put(key, list);
                }
                list.add(value);
            }
        }
    }
}
