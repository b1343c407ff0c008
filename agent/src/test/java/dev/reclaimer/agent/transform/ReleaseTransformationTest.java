package dev.reclaimer.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaimer.Reclaimer;
import example.fixtures.ConcreteBase;
import example.fixtures.ControlFlowResource;
import example.fixtures.DefaultUser;
import example.fixtures.EnumResource;
import example.fixtures.GenericImpl;
import example.fixtures.GenericReleasable;
import example.fixtures.PlainPool;
import example.fixtures.RecordResource;
import example.fixtures.Region;
import example.fixtures.SubRegion;
import example.fixtures.ThrowingResource;
import example.fixtures.UnannotatedSub;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReleaseTransformationTest {

    @BeforeAll
    static void installAgent() throws Exception {
        TestAgent.install();
    }

    @Test
    void release_annotatedMethod_runsBodyOnceAfterBarrier() throws Exception {
        Region region = new Region();

        region.release();
        assertEquals(0, region.releases.get(), "body ran inline: the call was not deferred");
        Reclaimer.barrier();
        assertEquals(1, region.releases.get());
        Reclaimer.barrier();
        assertEquals(1, region.releases.get(), "body ran twice");
    }

    @Test
    void release_overrideCallingSuper_defersOnceAndRunsBothBodies() throws Exception {
        SubRegion sub = new SubRegion();

        sub.release();
        assertEquals(0, sub.ownReleases.get());
        Reclaimer.barrier();
        assertEquals(1, sub.ownReleases.get());
        assertEquals(1, sub.releases.get(), "super.release() inside the body must run inline");
    }

    @Test
    void release_ofOtherObjectInsideBody_isRetiredNotInline() throws Exception {
        SubRegion sub = new SubRegion();
        sub.other = new Region();

        sub.release();
        Reclaimer.barrier();
        Reclaimer.barrier();
        assertEquals(1, sub.otherRetiredInside.get(), "other object's release ran inline");
        assertEquals(1, sub.other.releases.get());
    }

    @Test
    void release_overrideWithoutAnnotation_inheritsRole() throws Exception {
        UnannotatedSub sub = new UnannotatedSub();

        sub.release();
        assertEquals(0, sub.releases.get());
        Reclaimer.barrier();
        assertEquals(1, sub.releases.get());
    }

    @Test
    void release_throwingBody_callerReturnsNormallyAndFailureCounted() throws Exception {
        ThrowingResource resource = new ThrowingResource();
        long failedBefore = Reclaimer.stats().failed();

        resource.release();
        Reclaimer.barrier();
        assertEquals(1, resource.attempts.get());
        assertEquals(failedBefore + 1, Reclaimer.stats().failed());
    }

    @Test
    void release_controlFlowVariants_deferAndRunTheirBodiesUnchanged() throws Exception {
        ControlFlowResource resource = new ControlFlowResource();
        long failedBefore = Reclaimer.stats().failed();

        resource.synchronizedRelease();
        resource.complexRelease(5, "a");
        resource.complexRelease(1, "b");
        resource.onlyThrows();
        assertTrue(resource.events.isEmpty(), "a body ran inline: " + resource.events);
        Reclaimer.barrier();
        assertEquals(
                List.of("synchronized", "a:0", "a:1", "a:early", "a:finally", "b:0", "b:finally"),
                resource.events);
        assertEquals(failedBefore + 1, Reclaimer.stats().failed());
    }

    @Test
    void release_interfaceDefaultMethod_defers() throws Exception {
        DefaultUser user = new DefaultUser();

        user.release();
        assertTrue(user.log().isEmpty());
        Reclaimer.barrier();
        assertEquals(List.of("default"), user.log());
    }

    @Test
    void release_throughGenericBridge_defersExactlyOnce() throws Exception {
        GenericImpl impl = new GenericImpl();
        GenericReleasable<String> viaInterface = impl;
        long retiredBefore = Reclaimer.stats().retired();

        viaInterface.release("bridge");
        impl.release("direct");
        assertTrue(impl.reasons.isEmpty());
        assertEquals(retiredBefore + 2, Reclaimer.stats().retired());
        Reclaimer.barrier();
        assertEquals(List.of("bridge", "direct"), impl.reasons);
    }

    @Test
    void release_recordAndEnum_defer() throws Exception {
        RecordResource record = new RecordResource(new AtomicInteger());
        int enumBefore = EnumResource.INSTANCE.releases.get();

        record.release();
        EnumResource.INSTANCE.release();
        assertEquals(0, record.releases().get());
        assertEquals(enumBefore, EnumResource.INSTANCE.releases.get());
        Reclaimer.barrier();
        assertEquals(1, record.releases().get());
        assertEquals(enumBefore + 1, EnumResource.INSTANCE.releases.get());
    }

    @Test
    void release_selectorFromConfigFile_defersUnannotatedMethodWithArguments() throws Exception {
        PlainPool pool = new PlainPool();

        pool.free(7L);
        pool.free("abc");
        assertEquals(List.of(3L), pool.freed, "only free(long) is selected");
        Reclaimer.barrier();
        assertEquals(List.of(3L, 7L), pool.freed);
    }

    @Test
    void release_selectorOnAbstractMethod_appliesToImplementation() throws Exception {
        ConcreteBase base = new ConcreteBase();

        base.close();
        assertEquals(0, base.closes.get());
        Reclaimer.barrier();
        assertEquals(1, base.closes.get());
    }
}
