package io.kecsh.runtime.protocol;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a typed tree as an XML document with a StAX writer (Woodstox, which Jackson's XML format
 * brings). Maps become nested elements, scalars text; a list is written in one of the two
 * conventions of these APIs: Kingsoft's wrapper of {@code <item>} elements, or Alibaba's
 * repetition of the member's own element. A list inside a list is always wrapped in items, since
 * repetition cannot nest.
 */
final class XmlBodyWriter {
    /** Element names: what XML allows and these APIs use (no colons: no prefixes are written). */
    private static final Pattern ELEMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    /** Characters XML 1.0 cannot carry at all, even escaped. */
    private static final Pattern NOT_XML_CHARACTER =
            Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    static final String ITEM = "item";
    private static final byte[] DECLARATION =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>".getBytes(StandardCharsets.US_ASCII);

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    /**
     * A whole document.
     *
     * @param operation    names the operation in messages about values that cannot be written
     * @param namespace    the root's default namespace, or null for none
     * @param itemElements lists as {@code <item>} wrappers (Kingsoft) rather than repeated elements (Alibaba)
     */
    byte[] document(
            String operation, String root, String namespace, Map<String, Object> members, boolean itemElements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // The declaration as the specification's samples write it; StAX implementations differ in quotes.
        out.writeBytes(DECLARATION);
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartElement(root);
            if (namespace != null) xml.writeDefaultNamespace(namespace);
            writeMembers(xml, members, "", itemElements);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(operation + ": could not write the XML document: " + e.getMessage(), e);
        } catch (UnwritableValue e) {
            throw new IllegalArgumentException(operation + ": " + e.getMessage());
        }
        return out.toByteArray();
    }

    private void writeMembers(XMLStreamWriter xml, Map<String, Object> members, String path, boolean itemElements)
            throws XMLStreamException {
        for (Map.Entry<String, Object> member : members.entrySet()) {
            String name = member.getKey();
            writeMember(
                    xml,
                    checkedName(name, Paths.member(path, name)),
                    member.getValue(),
                    Paths.member(path, name),
                    itemElements);
        }
    }

    private void writeMember(XMLStreamWriter xml, String name, Object value, String path, boolean itemElements)
            throws XMLStreamException {
        if (value instanceof List<?> items && !itemElements) {
            int index = 0;
            for (Object item : items) {
                String itemPath = Paths.item(path, index++);
                if (item instanceof List<?>) writeElement(xml, name, item, itemPath, true);
                else writeElement(xml, name, item, itemPath, false);
            }
            return;
        }
        writeElement(xml, name, value, path, itemElements);
    }

    private void writeElement(XMLStreamWriter xml, String name, Object value, String path, boolean itemElements)
            throws XMLStreamException {
        xml.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> members = (Map<String, Object>) map;
            writeMembers(xml, members, path, itemElements);
        } else if (value instanceof List<?> items) {
            int index = 0;
            for (Object item : items) writeElement(xml, ITEM, item, Paths.item(path, index++), itemElements);
        } else {
            xml.writeCharacters(text(value, path));
        }
        xml.writeEndElement();
    }

    private static String text(Object scalar, String path) {
        String text = scalar instanceof BigDecimal d ? d.toPlainString() : String.valueOf(scalar);
        if (NOT_XML_CHARACTER.matcher(text).find()) {
            throw new UnwritableValue(path + " holds a control character that XML cannot carry");
        }
        return text;
    }

    private static String checkedName(String name, String path) {
        if (!ELEMENT_NAME.matcher(name).matches()) {
            throw new UnwritableValue("'" + path + "' is not a valid XML element name");
        }
        return name;
    }

    /** A value or name XML cannot carry; reported with the operation by {@link #document}. */
    private static final class UnwritableValue extends RuntimeException {
        UnwritableValue(String message) {
            super(message, null, false, false);
        }
    }
}
