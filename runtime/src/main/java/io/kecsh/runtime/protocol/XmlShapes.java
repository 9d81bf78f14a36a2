package io.kecsh.runtime.protocol;

import io.kecsh.runtime.model.Member;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives a plain tree read from XML the shape the same body has in JSON, using the model where
 * XML alone is ambiguous. Jackson's XML tree model turns {@code <X><item>a</item><item>b</item></X>}
 * into {@code {item: [a, b]}} but a list of one, {@code <X><item>a</item></X>}, into
 * {@code {item: a}}, and cannot know that an empty {@code <X/>} is an empty list. The model says
 * which members are lists, so:
 * <ul>
 *   <li>a list member is read from whichever form the server used: a wrapper whose children are
 *       all {@code <item>} or {@code <Item>} (Kingsoft; both spellings occur, spec §8.3 item 17),
 *       the member's element repeated (Alibaba: {@code <ZoneIds>a</ZoneIds><ZoneIds>b</ZoneIds>}),
 *       or a lone element (a list of one); a blank element is an empty list;</li>
 *   <li>a blank element for a structure is an empty structure;</li>
 *   <li>the text of a scalar element that carries attributes is its value;</li>
 *   <li>an element the model does not know is a list when all its children are items, otherwise
 *       it keeps the tree's shape.</li>
 * </ul>
 * Scalars stay text: {@link MemberTyper} types them afterwards, for both formats alike.
 */
final class XmlShapes {
    /** Where Jackson's XML tree keeps the text of an element that also has attributes. */
    private static final String TEXT_KEY = "";

    private XmlShapes() {}

    /** The root element's members, shaped by the operation's output structure. */
    static Object root(Object tree, Member output) {
        return shape(tree, output);
    }

    private static Object shape(Object node, Member member) {
        if (member == null) return unknown(node);
        return switch (member.type()) {
            case LIST -> list(node, member.member());
            case STRUCTURE -> structure(node, member);
            default -> scalar(node);
        };
    }

    private static Object list(Object node, Member item) {
        List<Object> items = new ArrayList<>();
        for (Object one : listItems(node)) items.add(shape(one, item));
        return items;
    }

    private static Collection<?> listItems(Object node) {
        if (isBlankText(node)) return List.of();
        if (node instanceof Map<?, ?> map && isItemWrapper(map)) return wrappedItems(map);
        if (node instanceof List<?> repeated) return repeated;
        return List.of(node);
    }

    private static Object structure(Object node, Member structure) {
        if (isBlankText(node)) return new LinkedHashMap<String, Object>();
        if (!(node instanceof Map<?, ?> map)) return node;
        Map<String, Member> members = structure.members();
        Set<String> names = stringKeys(map);
        Map<String, Object> shaped = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            String name = String.valueOf(key);
            String modelName = MemberNames.resolve(members, name, names);
            shaped.put(name, shape(value, modelName == null ? null : members.get(modelName)));
        });
        return shaped;
    }

    private static Object scalar(Object node) {
        if (node instanceof Map<?, ?> map && map.containsKey(TEXT_KEY)) return map.get(TEXT_KEY);
        return node;
    }

    private static Object unknown(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (isItemWrapper(map))
                return wrappedItems(map).stream().map(XmlShapes::unknown).toList();
            Map<String, Object> shaped = new LinkedHashMap<>();
            map.forEach((key, value) -> shaped.put(String.valueOf(key), unknown(value)));
            return shaped;
        }
        if (node instanceof List<?> list)
            return list.stream().map(XmlShapes::unknown).toList();
        return node;
    }

    /** True when every child element is an item ({@code <item>} or {@code <Item>}). */
    private static boolean isItemWrapper(Map<?, ?> map) {
        if (map.isEmpty()) return false;
        for (Object key : map.keySet()) if (!"item".equalsIgnoreCase(String.valueOf(key))) return false;
        return true;
    }

    private static List<Object> wrappedItems(Map<?, ?> wrapper) {
        List<Object> items = new ArrayList<>();
        for (Object value : wrapper.values()) {
            if (value instanceof List<?> repeated) items.addAll(repeated);
            else items.add(value);
        }
        return items;
    }

    private static boolean isBlankText(Object node) {
        return node instanceof String text && text.isBlank();
    }

    private static Set<String> stringKeys(Map<?, ?> map) {
        Set<String> names = new HashSet<>();
        map.keySet().forEach(k -> names.add(String.valueOf(k)));
        return names;
    }
}
