package dev.reclaimer.agent.transform;

import dev.reclaimer.agent.config.AgentConfig;
import dev.reclaimer.agent.config.MethodSelector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.type.TypeList;
import net.bytebuddy.jar.asm.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which methods of a class to rewrite and how, from the class's description alone (a type
 * pool description: nothing is loaded). A method gets a role from its own annotation, from a
 * selector that names it, or from a method it overrides or implements that has one (annotation or
 * selector), so an annotated interface or abstract method makes every implementation a release
 * method. The same inheritance applies to safepoint, read-side and revive methods.
 *
 * <p>Compiler-generated bridge methods are never rewritten: they call the real method, which is, so
 * a call through the bridge defers exactly once. Methods that cannot have their role are refused
 * with one warning each. The agent and the {@code check} command both ask {@link #decide}, so the
 * command reports exactly what the agent would do.
 *
 * <p>With the use-after-release detector on, every other instance method of a class that has
 * release methods (its own or inherited) gets the {@link Role#LIVE_CHECK} role, except those whose
 * result may be asked of a released object without using it: {@code equals}, {@code hashCode} and
 * {@code toString}.
 */
final class MethodPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(MethodPlanner.class);

    private static final Set<String> NEVER_CHECKED =
            Set.of("equals(Ljava/lang/Object;)Z", "hashCode()I", "toString()Ljava/lang/String;");

    /** How a method got its role; decides how a refusal is reported. */
    private enum Origin {
        ANNOTATION,
        SELECTOR,
        INHERITED
    }

    /** What becomes of a method that has a role. */
    enum Outcome {
        /** Rewritten. */
        CHANGE,
        /** Left unchanged, with a reason. */
        REFUSE,
        /** Abstract: nothing to rewrite; its role passes to implementations. */
        ABSTRACT
    }

    /**
     * One method to rewrite.
     *
     * @param method the method
     * @param role what it becomes
     */
    record Planned(MethodDescription.InDefinedShape method, Role role) {}

    /**
     * One method that has a role, where the role came from, and what becomes of it.
     *
     * @param method the method
     * @param role its role; for a method with several, the first
     * @param sources the annotations ({@code @DeferredRelease}) and selectors ({@code selector X of
     *     key}) that gave the role, for an inherited role those of the overridden method
     * @param inheritedFrom the overridden method that passed the role on, or {@code null}
     * @param outcome what the agent does with it
     * @param reason why it is refused, or {@code null}
     */
    record Decision(
            MethodDescription.InDefinedShape method,
            Role role,
            List<String> sources,
            String inheritedFrom,
            Outcome outcome,
            String reason) {}

    /** A role of one method: how it came and from where. */
    private record Grant(Origin origin, List<String> sources, String inheritedFrom) {}

    private final Map<Role, List<MethodSelector>> selectors = new EnumMap<>(Role.class);
    private final SelectorTracker tracker;
    private final boolean detectUseAfterRelease;
    private final OnceLog notices = new OnceLog(LOG);

    MethodPlanner(AgentConfig config, SelectorTracker tracker) {
        this.tracker = tracker;
        this.detectUseAfterRelease = config.debug().detectUseAfterRelease();
        selectors.put(Role.RELEASE, config.releaseMethods());
        selectors.put(Role.SAFEPOINT, config.safepoints());
        selectors.put(Role.READ_SIDE, config.readSections());
        selectors.put(
                Role.REVIVE, detectUseAfterRelease ? config.debug().reviveMethods() : List.of());
        selectors.put(Role.LIVE_CHECK, List.of());
    }

    /**
     * Returns the methods of {@code type} to rewrite, reporting refused ones.
     *
     * @param type the class, as described by the type pool
     * @return the methods and their roles, possibly none
     */
    List<Planned> plan(TypeDescription type) {
        List<Planned> planned = new ArrayList<>();
        for (Decision decision : decide(type)) {
            String name = displayName(type, decision.method());
            switch (decision.outcome()) {
                case CHANGE -> planned.add(new Planned(decision.method(), decision.role()));
                case REFUSE -> notices.warn(name, "{}; it runs unmodified", decision.reason());
                case ABSTRACT -> noteAbstract(name, decision);
                default -> throw new IllegalStateException("outcome " + decision.outcome());
            }
        }
        return planned;
    }

    private void noteAbstract(String name, Decision decision) {
        if (decision.inheritedFrom() == null && isSelected(decision)) {
            notices.info(
                    name,
                    "{} is abstract: not rewritten itself, its role {} applies to"
                            + " implementations",
                    name,
                    decision.role());
        }
    }

    private static boolean isSelected(Decision decision) {
        return decision.sources().stream().anyMatch(source -> source.startsWith("selector "));
    }

    /**
     * Returns every method of {@code type} that has a role, with what becomes of it.
     *
     * @param type the class, as described by the type pool
     * @return the decisions, in declaration order
     */
    List<Decision> decide(TypeDescription type) {
        List<TypeDescription.Generic> supertypes = supertypes(type);
        List<Decision> decisions = new ArrayList<>();
        for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
            if (method.isTypeInitializer() || method.isBridge()) {
                continue;
            }
            Map<Role, Grant> roles = rolesOf(type, method, supertypes);
            if (!roles.isEmpty()) {
                decisions.add(decision(type, method, roles));
            }
        }
        if (detectUseAfterRelease && hasReleaseMethods(decisions, supertypes)) {
            addLiveChecks(type, decisions);
        }
        return decisions;
    }

    private Map<Role, Grant> rolesOf(
            TypeDescription type,
            MethodDescription.InDefinedShape method,
            List<TypeDescription.Generic> supertypes) {
        Map<Role, Grant> roles = new EnumMap<>(Role.class);
        List<String> annotations = method.getDeclaredAnnotations().asTypeNames();
        List<String> parameters = parameterNames(method);
        for (Role role : Role.values()) {
            List<String> selected =
                    matchingSelectors(role, type.getName(), method.getInternalName(), parameters);
            if (!selected.isEmpty()) {
                roles.put(role, new Grant(Origin.SELECTOR, selected, null));
            } else if (role.annotationName != null && annotations.contains(role.annotationName)) {
                roles.put(role, new Grant(Origin.ANNOTATION, List.of(annotation(role)), null));
            } else if (canOverride(method)) {
                Grant inherited = inherited(role, method, supertypes);
                if (inherited != null) {
                    roles.put(role, inherited);
                }
            }
        }
        return roles;
    }

    private Grant inherited(
            Role role,
            MethodDescription.InDefinedShape method,
            List<TypeDescription.Generic> supertypes) {
        try {
            return inheritedFrom(role, method, supertypes);
        } catch (RuntimeException e) {
            // A parameter type missing from the class path: the method inherits no role.
            LOG.debug("{} inherits no role: {}", method, e.toString());
            return null;
        }
    }

    private Grant inheritedFrom(
            Role role,
            MethodDescription.InDefinedShape method,
            List<TypeDescription.Generic> supertypes) {
        TypeList erasures = method.getParameters().asTypeList().asErasures();
        for (TypeDescription.Generic supertype : supertypes) {
            for (MethodDescription overridden : supertype.getDeclaredMethods()) {
                if (overridden.getInternalName().equals(method.getInternalName())
                        && canOverride(overridden)
                        && overridden.getParameters().asTypeList().asErasures().equals(erasures)) {
                    List<String> sources =
                            sourcesOf(role, supertype.asErasure(), overridden.asDefined());
                    if (!sources.isEmpty()) {
                        String from = displayName(supertype.asErasure(), overridden.asDefined());
                        return new Grant(Origin.INHERITED, sources, from);
                    }
                }
            }
        }
        return null;
    }

    private List<String> sourcesOf(
            Role role, TypeDescription declaringType, MethodDescription.InDefinedShape method) {
        if (role.annotationName != null
                && method.getDeclaredAnnotations().asTypeNames().contains(role.annotationName)) {
            return List.of(annotation(role));
        }
        return matchingSelectors(
                role, declaringType.getName(), method.getInternalName(), parameterNames(method));
    }

    private List<String> matchingSelectors(
            Role role, String className, String methodName, List<String> parameters) {
        List<String> matching = new ArrayList<>();
        for (MethodSelector selector : selectors.get(role)) {
            if (selector.matches(className, methodName, parameters)) {
                tracker.matched(selector);
                matching.add(selectorName(selector, role));
            }
        }
        return matching;
    }

    /** Names a selector as a source: {@code selector a.B#c of reclaimer.release-methods}. */
    static String selectorName(MethodSelector selector, Role role) {
        return "selector " + selector + " of " + role.selectorKey;
    }

    private static String annotation(Role role) {
        return "@" + role.annotationName.substring(role.annotationName.lastIndexOf('.') + 1);
    }

    private static Decision decision(
            TypeDescription type, MethodDescription.InDefinedShape method, Map<Role, Grant> roles) {
        String name = displayName(type, method);
        Role role = roles.keySet().iterator().next();
        Grant grant = roles.get(role);
        if (roles.size() > 1) {
            return refused(method, role, grant, name + " has more than one role " + roles.keySet());
        }
        if (method.isAbstract()) {
            return new Decision(
                    method, role, grant.sources(), grant.inheritedFrom(), Outcome.ABSTRACT, null);
        }
        String refusal = refusal(role, method);
        if (refusal != null) {
            return refused(method, role, grant, role + " method " + name + " refused: " + refusal);
        }
        return new Decision(
                method, role, grant.sources(), grant.inheritedFrom(), Outcome.CHANGE, null);
    }

    private static Decision refused(
            MethodDescription.InDefinedShape method, Role role, Grant grant, String reason) {
        return new Decision(
                method, role, grant.sources(), grant.inheritedFrom(), Outcome.REFUSE, reason);
    }

    private static String refusal(Role role, MethodDescription.InDefinedShape method) {
        if (method.isConstructor()) {
            return "it is a constructor";
        }
        if (method.isSynthetic()) {
            return "it is compiler-generated (a lambda body or an accessor)";
        }
        if (method.isNative()) {
            return "it is native";
        }
        boolean needsObject = role == Role.RELEASE || role == Role.REVIVE;
        if (needsObject && method.isStatic()) {
            return "it is static: a " + role + " method needs an object";
        }
        // From the descriptor: resolving the return type fails when its class is missing.
        if (role == Role.RELEASE && !method.getDescriptor().endsWith(")V")) {
            return "it returns a value, which a deferred call cannot provide";
        }
        return null;
    }

    /** Whether the class has release methods of its own or inherits one it does not override. */
    private boolean hasReleaseMethods(
            List<Decision> decisions, List<TypeDescription.Generic> supertypes) {
        for (Decision decision : decisions) {
            if (decision.role() == Role.RELEASE) {
                return true;
            }
        }
        for (TypeDescription.Generic supertype : supertypes) {
            for (MethodDescription method : supertype.getDeclaredMethods()) {
                if (canOverride(method)
                        && !sourcesOf(Role.RELEASE, supertype.asErasure(), method.asDefined())
                                .isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void addLiveChecks(TypeDescription type, List<Decision> decisions) {
        Set<MethodDescription> decided = new HashSet<>();
        decisions.forEach(decision -> decided.add(decision.method()));
        for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
            if (!decided.contains(method) && isChecked(method)) {
                decisions.add(
                        new Decision(
                                method,
                                Role.LIVE_CHECK,
                                List.of(Role.LIVE_CHECK.selectorKey),
                                null,
                                Outcome.CHANGE,
                                null));
            }
        }
    }

    private static boolean isChecked(MethodDescription.InDefinedShape method) {
        return !method.isStatic()
                && !method.isConstructor()
                && !method.isTypeInitializer()
                && !method.isAbstract()
                && !method.isNative()
                && !method.isBridge()
                && !method.isSynthetic()
                && !NEVER_CHECKED.contains(method.getInternalName() + method.getDescriptor());
    }

    private static boolean canOverride(MethodDescription method) {
        return !method.isStatic() && !method.isPrivate() && !method.isConstructor();
    }

    /**
     * The parameter types as selectors write them, read from the descriptor: resolving the types
     * themselves fails when one is missing from the class path, which must not fail the class.
     */
    private static List<String> parameterNames(MethodDescription method) {
        List<String> names = new ArrayList<>();
        for (Type parameter : Type.getArgumentTypes(method.getDescriptor())) {
            names.add(parameter.getClassName());
        }
        return names;
    }

    /**
     * Names a method as the warnings do: {@code com.example.Region#release()V}.
     *
     * @param type the declaring class
     * @param method the method
     * @return the name
     */
    static String displayName(TypeDescription type, MethodDescription method) {
        return type.getName() + "#" + method.getInternalName() + method.getDescriptor();
    }

    /**
     * Returns every supertype of {@code type} but {@code Object}, with type arguments applied, so
     * that a generic interface's methods appear with the parameter types its implementation uses. A
     * supertype that cannot be resolved ends the walk with what was found: its methods then pass on
     * no role, which is logged at debug level.
     */
    private static List<TypeDescription.Generic> supertypes(TypeDescription type) {
        List<TypeDescription.Generic> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<TypeDefinition> pending = new ArrayDeque<>();
        pending.add(type);
        try {
            while (!pending.isEmpty()) {
                TypeDefinition current = pending.poll();
                List<TypeDescription.Generic> direct = new ArrayList<>(current.getInterfaces());
                if (current.getSuperClass() != null) {
                    direct.add(current.getSuperClass());
                }
                for (TypeDescription.Generic supertype : direct) {
                    String name = supertype.asErasure().getName();
                    if (!name.equals("java.lang.Object") && seen.add(name) && resolves(supertype)) {
                        found.add(supertype);
                        pending.add(supertype);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.debug(
                    "supertypes of {} not all resolvable, inheritance partial: {}",
                    type,
                    e.toString());
        }
        return found;
    }

    /**
     * Whether a supertype's methods can be read. A pool description resolves lazily, so a supertype
     * missing from the class path (an optional dependency, common in large libraries) fails only
     * when its methods are asked for; it is skipped here so that it passes on no role instead of
     * failing the whole class.
     */
    private static boolean resolves(TypeDescription.Generic supertype) {
        try {
            supertype.getDeclaredMethods();
            return true;
        } catch (RuntimeException e) {
            LOG.debug(
                    "supertype {} not resolvable, passes on no role: {}", supertype, e.toString());
            return false;
        }
    }
}
