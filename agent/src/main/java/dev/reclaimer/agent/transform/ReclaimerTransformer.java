package dev.reclaimer.agent.transform;

import dev.reclaimer.agent.config.AgentConfig;
import dev.reclaimer.internal.Hooks;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the rewriting of release, safepoint and read-side methods. Classes are matched and
 * planned from type pool descriptions (nothing is loaded to decide), rewritten with inlined advice
 * that adds no fields or methods, so classes already loaded are retransformed in place. A class in
 * a named module gets a read edge to the runtime's module and opens its package to it, so the
 * injected calls link and the runtime can call the release method back.
 *
 * <p>A {@link Prefilter} stands in front: a class that can have no method with a role (no role
 * annotation in its constant pool, no selector naming it or a supertype, no supertype that declares
 * one) is passed over before the type pool describes it, so the planner's walk over supertypes runs
 * only for the few classes that may need it.
 *
 * <p>In a class it rewrites, calls of {@code Reclaimer.read()} are given their call site (see
 * {@link ReadCallRewriter}). With the use-after-release detector on, the detector's checks and
 * revive calls are added too; with it off, nothing of it is injected.
 */
public final class ReclaimerTransformer {

    private static final Logger LOG = LoggerFactory.getLogger(ReclaimerTransformer.class);

    private final Instrumentation instrumentation;
    private final ClassFilter filter;
    private final MethodPlanner planner;
    private final boolean detector;
    private final Advice.WithCustomMapping mapping =
            Advice.withCustomMapping().bind(SiteIdMapping.RELEASE).bind(SiteIdMapping.SECTION);
    private final ClassFileLocator locator = adviceLocator();

    /**
     * Each advice class as ByteBuddy prepared it, made the first time a method needs it: preparing
     * one reads and describes the advice class, which costs start-up time, and most applications
     * need two or three of the seven.
     */
    private final Map<Class<?>, Advice> advice = new ConcurrentHashMap<>();

    ReclaimerTransformer(
            Instrumentation instrumentation, AgentConfig config, SelectorTracker tracker) {
        this.instrumentation = instrumentation;
        this.filter = new ClassFilter(config);
        this.planner = new MethodPlanner(config, tracker);
        this.detector = config.debug().detectUseAfterRelease();
    }

    /**
     * Installs the transformation and retransforms the matching classes already loaded, as an
     * attach to a running JVM needs.
     *
     * @param instrumentation the JVM's instrumentation
     * @param config the agent's configuration
     * @param tracker records which selectors matched
     * @return the installed transformer, which {@code reset} removes
     */
    public static ResettableClassFileTransformer install(
            Instrumentation instrumentation, AgentConfig config, SelectorTracker tracker) {
        Prefilter prefilter = new Prefilter(config);
        return builder(instrumentation, config, tracker)
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new TwoPassDiscovery())
                .with(
                        (AgentBuilder.TransformerDecorator)
                                installed -> new PrefilteredTransformer(installed, prefilter))
                .installOn(instrumentation);
    }

    /**
     * Creates the transformation for classes defined from now on, without installing it and without
     * any pass over loaded classes, for {@link StartupTransformer}, which filters in front of it.
     * It rewrites each class directly (see {@link DefinitionRewriter}), with no agent builder.
     */
    static ClassFileTransformer makeRaw(
            Instrumentation instrumentation, AgentConfig config, SelectorTracker tracker) {
        return new DefinitionRewriter(
                new ReclaimerTransformer(instrumentation, config, tracker),
                byteBuddy(),
                new TransformationListener(dump(config)));
    }

    private static AgentBuilder builder(
            Instrumentation instrumentation, AgentConfig config, SelectorTracker tracker) {
        ReclaimerTransformer transformer =
                new ReclaimerTransformer(instrumentation, config, tracker);
        return new AgentBuilder.Default(byteBuddy())
                .disableClassFormatChanges()
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(new TransformationListener(dump(config)))
                .ignore(ElementMatchers.none())
                .type(transformer::matches)
                .transform(transformer::transform);
    }

    /**
     * The ByteBuddy configuration of both ways of installing. Only declared methods are rewritten,
     * so the method graph is not compiled: compiling it resolves every supertype's signatures,
     * which fails on a class that merely names an optional dependency missing from the class path,
     * and the JVM loads such classes fine. No field, method or initialiser is added.
     */
    private static ByteBuddy byteBuddy() {
        return new ByteBuddy()
                .with(TypeValidation.DISABLED)
                .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
                .with(Implementation.Context.Disabled.Factory.INSTANCE);
    }

    /**
     * Finds the advice classes' bytes. Class-loading trap: from the bootstrap loader (the agent jar
     * appended to its search path) ByteBuddy's boot locator does not find them, so the system class
     * loader, which has the agent jar on its path as for every agent, is asked too.
     */
    private static ClassFileLocator adviceLocator() {
        return new ClassFileLocator.Compound(
                ClassFileLocator.ForClassLoader.of(ReleaseAdvice.class.getClassLoader()),
                ClassFileLocator.ForClassLoader.ofSystemLoader());
    }

    private static ClassDump dump(AgentConfig config) {
        Path folder = config.debug().dumpDirectory();
        return folder == null ? null : new ClassDump(folder);
    }

    /** Whether a class is rewritten: it may be, by name and kind, and a method of it has a role. */
    boolean matches(
            TypeDescription type,
            ClassLoader loader,
            JavaModule module,
            Class<?> loaded,
            ProtectionDomain domain) {
        return filter.mayTransform(type) && !planner.plan(type).isEmpty();
    }

    /**
     * Rewrites one class as planned. Package-private so that tests can apply it to a class
     * redefined in isolation, with a configuration of their own.
     */
    DynamicType.Builder<?> transform(
            DynamicType.Builder<?> builder,
            TypeDescription type,
            ClassLoader loader,
            JavaModule module,
            ProtectionDomain domain) {
        openToRuntime(module, type);
        AsmVisitorWrapper.ForDeclaredMethods visitor = new AsmVisitorWrapper.ForDeclaredMethods();
        List<MethodPlanner.Planned> plan = planner.plan(type);
        for (MethodPlanner.Planned planned : plan) {
            visitor = visitor.invokable(ElementMatchers.is(planned.method()), adviceFor(planned));
            LOG.debug(
                    "rewriting {} as {}",
                    MethodPlanner.displayName(type, planned.method()),
                    planned.role());
        }
        return builder.visit(visitor.invokable(ElementMatchers.any(), ReadCallRewriter.INSTANCE));
    }

    private Advice adviceFor(MethodPlanner.Planned planned) {
        return advice.computeIfAbsent(adviceClass(planned), type -> mapping.to(type, locator));
    }

    private Class<?> adviceClass(MethodPlanner.Planned planned) {
        boolean withArguments = !planned.method().getParameters().isEmpty();
        return switch (planned.role()) {
            case RELEASE -> releaseAdviceClass(withArguments);
            case SAFEPOINT -> SafepointAdvice.class;
            case READ_SIDE -> ReadSideAdvice.class;
            case REVIVE -> ReviveAdvice.class;
            case LIVE_CHECK -> LiveCheckAdvice.class;
        };
    }

    private Class<?> releaseAdviceClass(boolean withArguments) {
        if (withArguments) {
            return detector
                    ? CheckedReleaseWithArgumentsAdvice.class
                    : ReleaseWithArgumentsAdvice.class;
        }
        return detector ? CheckedReleaseAdvice.class : ReleaseAdvice.class;
    }

    private void openToRuntime(JavaModule module, TypeDescription type) {
        if (module == null || !module.isNamed()) {
            return;
        }
        Module target = (Module) module.unwrap();
        Module runtime = Hooks.class.getModule();
        String pkg = type.getPackage() == null ? "" : type.getPackage().getName();
        if (target.canRead(runtime) && target.isOpen(pkg, runtime)) {
            return;
        }
        instrumentation.redefineModule(
                target,
                Set.of(runtime),
                Map.of(),
                Map.of(pkg, Set.of(runtime)),
                Set.of(),
                Map.of());
    }
}
