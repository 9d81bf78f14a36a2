package io.kecsh.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.paginate.Pages;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.testing.OneInstance;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A walk known to read every page ({@link Pages#readingEveryPage}) against the sandbox over HTTP: the
 * next page is asked for from the token of the one being read, before its items are typed or read,
 * every instance still comes once and in order, and no page is asked for twice or past the last.
 */
class WholeWalkReadAheadSandboxTest {
    private final SandboxFixture f = new SandboxFixture();
    private final RegionState region = f.sandbox.state().region("cn-beijing-6");

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theNextPage_isAskedFor_fromTheToken_beforeAnyItemIsRead() throws InterruptedException {
        launch(45);
        List<Object> sequential = new ArrayList<>();
        f.client.pages("DescribeInstances", Map.of("MaxResults", 10)).items().forEach(i -> sequential.add(id(i)));
        long before = f.sandbox.faults().calls("DescribeInstances");

        List<Object> whole = Pages.readingEveryPage(() -> {
            Iterator<Map<String, Object>> pages = f.client
                    .pages("DescribeInstances", Map.of("MaxResults", 10))
                    .iterator();
            Map<String, Object> first = pages.next();
            // page 1 taken, not one item read: only its token can have asked for page 2 (at most 10 s)
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (f.sandbox.faults().calls("DescribeInstances") - before < 2 && System.nanoTime() < deadline) {
                sleep();
            }
            assertEquals(
                    2, f.sandbox.faults().calls("DescribeInstances") - before, "page 2 asked for from page 1's token");
            List<Object> ids = new ArrayList<>();
            ((List<?>) first.get("InstancesSet")).forEach(i -> ids.add(id(i)));
            pages.forEachRemaining(p -> ((List<?>) p.get("InstancesSet")).forEach(i -> ids.add(id(i))));
            return ids;
        });

        assertEquals(45, whole.size());
        assertEquals(sequential, whole);
        assertEquals(5, f.sandbox.faults().calls("DescribeInstances") - before, "5 pages, each asked for once");
    }

    @Test
    void outsideAWholeWalk_takingAPage_asksForNothingFurther() {
        launch(25);
        long before = f.sandbox.faults().calls("DescribeInstances");
        Map<String, Object> first = f.client
                .pages("DescribeInstances", Map.of("MaxResults", 10))
                .iterator()
                .next();
        assertTrue(((List<?>) first.get("InstancesSet")).size() == 10);
        sleep();
        assertEquals(1, f.sandbox.faults().calls("DescribeInstances") - before);
    }

    @Test
    void aPageThatReadsAhead_isStillTheClientsResponse_namingNoValue_andSerialisesAsTheItemsItShows() throws Exception {
        launch(25);
        Map<String, Object> first = f.client
                .pages("DescribeInstances", Map.of("MaxResults", 10))
                .iterator()
                .next();
        Response page = assertInstanceOf(Response.class, first, "a page is the client's Response");
        String firstId = (String) id(((List<?>) page.get("InstancesSet")).get(0)); // a first-half item: no page ahead
        long before = f.sandbox.faults().calls("DescribeInstances");

        assertNotNull(page.requestId());
        assertFalse(page.toString().contains(firstId), page.toString()); // values may be secrets: names only
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(page); // a Jenkins checkpoint
        }
        Object back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }
        assertEquals(page, back);
        assertEquals(page.hashCode(), back.hashCode());
        sleep();
        assertEquals(0, f.sandbox.faults().calls("DescribeInstances") - before, "comparing and saving fetch nothing");
    }

    private static Object id(Object instance) {
        return ((Map<?, ?>) instance).get("InstanceId");
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private void launch(int count) {
        Map<String, Object> run = new HashMap<>(OneInstance.runParams(region));
        run.put("MinCount", count);
        run.put("MaxCount", count);
        f.client.call("RunInstances", run);
    }
}
