package io.kecsh.runtime.sandbox.kec.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kecsh.runtime.sandbox.handler.HandlerRegistry;
import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.Image;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxClock;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cloud market (cloud-market v1): a fixed catalogue, the seven images of the document's
 * QueryImageList sample with their prices and vendors, offered in every region. QueryImageList
 * answers in the cloud-market envelope (Msg, Code, Status, Data with page fields). The same
 * images are also seeded into every region's images, so an instance can be launched from a market
 * image by its ID, as on the real cloud.
 */
public final class CloudMarket {
    static final String RESOURCE = "sandbox/cloud-market-images.json";
    /** The page size of the sample; no request parameter asks for another page. */
    static final int PER_PAGE = 10;

    private static final List<Map<String, Object>> ITEMS = load();

    private CloudMarket() {}

    public static void register(HandlerRegistry handlers) {
        handlers.on("QueryImageList", CloudMarket::queryImageList);
    }

    /** The catalogue, in its order (each item as the MarketImage shape names its members). */
    public static List<Map<String, Object>> items() {
        return ITEMS;
    }

    static Map<String, Object> queryImageList(SandboxRequest r, SandboxState state) {
        int total = ITEMS.size();
        int totalPages = Math.max(1, (total + PER_PAGE - 1) / PER_PAGE);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("page", 1);
        data.put("per_page", PER_PAGE);
        data.put("total", total);
        data.put("items", ITEMS.subList(0, Math.min(PER_PAGE, total)));
        data.put("first", 1);
        data.put("totalPages", totalPages);
        data.put("hasNext", totalPages > 1);
        data.put("nextPage", totalPages > 1 ? 2 : 1);
        data.put("hasPre", false);
        data.put("prePage", 1);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Msg", "ok");
        result.put("Code", 200);
        result.put("Status", "Y");
        result.put("Data", data);
        return result;
    }

    /** Puts the market images into a region's images (public, active, hidden from the full DescribeImages list). */
    public static void seed(RegionState region, SandboxClock clock) {
        String creationDate = ImageLifecycle.isoNow(clock);
        for (Map<String, Object> item : ITEMS) {
            Image image = new Image();
            image.id = (String) item.get("ImageId");
            image.name = (String) item.get("ImageName");
            image.platform = (String) item.get("Platform");
            image.state = ImageLifecycle.ACTIVE;
            image.isPublic = true;
            image.source = "system";
            image.market = true;
            image.creationDate = creationDate;
            region.images.putIfAbsent(image.id, image);
        }
    }

    private static List<Map<String, Object>> load() {
        try (InputStream in = CloudMarket.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            Catalogue file = new ObjectMapper().readValue(in, Catalogue.class);
            return file.items.stream().map(Collections::unmodifiableMap).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The resource file: the items, and where they come from. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private static final class Catalogue {
        public List<Map<String, Object>> items;
    }
}
