package io.kecsh.runtime.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import io.kecsh.runtime.text.NumberText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;

/**
 * Reads a body into a plain tree of {@code LinkedHashMap}, {@code ArrayList}, String, Long,
 * BigDecimal and Boolean, with Jackson for both formats.
 *
 * <p>JSON numbers are read exactly: integers as Long (BigDecimal beyond 64 bits), fractions as
 * BigDecimal with the digits as sent, so {@code 10.0} keeps its scale and a 15-digit order id its
 * digits. XML comes out the way Jackson's tree model reads it: every scalar is text, an element
 * repeated under one parent becomes a list, an empty element is "", attributes become members and
 * the text of an element that has attributes sits under "". The root element's name and the
 * namespace are dropped (old samples carry xmlns, others none: spec §8.3 item 16). What that tree
 * cannot tell — whether {@code <X><item>a</item></X>} is a list of one — {@link XmlShapes} decides
 * with the model.
 *
 * <p>XML is read without DTDs or external entities: a body is untrusted input, and a document
 * that uses an entity it would need a DTD for is refused (undeclared entity), so neither a file
 * nor an expansion bomb can be smuggled in.
 */
class BodyReader { // not final: a test counts its reads
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private final XmlMapper xml = XmlMapper.builder(new XmlFactory(secureInputFactory()))
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /**
     * The body as a plain tree.
     *
     * @throws JsonProcessingException when the body is not well-formed in that format (the
     *                                 location says where; the caller decides what to show)
     */
    Object read(byte[] body, BodyFormat format) throws IOException {
        JsonNode tree = (format == BodyFormat.JSON ? json : xml).readTree(body);
        if (tree == null || tree.isMissingNode()) throw new IOException("empty body");
        return plain(tree);
    }

    /** A parser over a JSON body, configured as {@link #read} reads one (exact numbers, no source in locations). */
    JsonParser jsonParser(byte[] body) throws IOException {
        return json.createParser(body);
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties())
                map.put(field.getKey(), plain(field.getValue()));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isNull()) return null;
        if (node.isBoolean()) return node.booleanValue();
        if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) return node.longValue();
            return NumberText.sane(node.bigIntegerValue())
                    .map(Object.class::cast)
                    .orElseGet(node::asText);
        }
        // A number no API sends (1e999999999) stays the text it came as: nothing may print its digits.
        if (node.isNumber())
            return NumberText.sane(node.decimalValue()).map(Object.class::cast).orElseGet(node::asText);
        return node.asText();
    }

    private static XMLInputFactory secureInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        return factory;
    }
}
