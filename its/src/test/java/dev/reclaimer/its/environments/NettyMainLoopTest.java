package dev.reclaimer.its.environments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Netty server whose handlers read a shared routing table lock-free while an admin thread swaps
 * tables and releases the old ones, under load from local clients. With the agent, configured only
 * by a file that names Netty's own event-loop methods as safepoints and the handler as a read
 * section, no lookup ever finds its table released and every release runs, most of them on the
 * event loops; without it, the same program does hit released tables, so the check can fail.
 */
class NettyMainLoopTest {

    private static final String TRAFFIC_MILLIS = "2000";

    @Test
    void run_withAgentConfiguredByFile_neverUsesAReleasedTableAndReleasesEveryOne()
            throws Exception {
        String config = "config=" + Fixtures.source("netty/reclaimer-netty.properties");

        Child.Outcome outcome = runServer(List.of(Child.agentOption(config)));
        Map<String, String> result = outcome.result();

        assertTrue(Long.parseLong(result.get("requests")) > 0, outcome::context);
        assertTrue(Long.parseLong(result.get("swaps")) > 0, outcome::context);
        assertEquals("0", result.get("use_after_release"), outcome::context);
        assertEquals(result.get("swaps"), result.get("reclaimer_retired"), outcome::context);
        assertEquals(result.get("swaps"), result.get("released"), outcome::context);
        assertEquals("0", result.get("reclaimer_pending"), outcome::context);
        assertEquals("0", result.get("reclaimer_failed"), outcome::context);
        assertTrue(
                Long.parseLong(result.get("released_on_event_loop")) > 0,
                () -> "Netty's event loops drained releases" + outcome.context());
    }

    @Test
    void run_withoutAgent_releasesTablesUnderReadingHandlers() throws Exception {
        Child.Outcome outcome = runServer(List.of());
        Map<String, String> result = outcome.result();

        assertTrue(
                Long.parseLong(result.get("use_after_release")) > 0,
                () -> "inline releases under reading handlers" + outcome.context());
        assertEquals(result.get("swaps"), result.get("released"), outcome::context);
    }

    private static Child.Outcome runServer(List<String> agent) throws Exception {
        List<Path> libraries = new ArrayList<>();
        for (String library :
                List.of("netty-common", "netty-buffer", "netty-resolver", "netty-transport")) {
            libraries.add(Fixtures.lib(library));
        }
        libraries.add(Fixtures.runtimeJar());
        Path app = Fixtures.compile("netty", libraries, List.of(), "netty");
        libraries.add(0, app);
        libraries.add(Fixtures.lib("slf4j-api"));
        List<String> command = new ArrayList<>(agent);
        command.addAll(
                List.of("-cp", Fixtures.joined(libraries), "demo.netty.NettyApp", TRAFFIC_MILLIS));
        return Child.java(command.toArray(new String[0])).run();
    }
}
