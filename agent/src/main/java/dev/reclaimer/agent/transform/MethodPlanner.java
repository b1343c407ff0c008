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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which methods of a class to rewrite and how, from the class's description alone (a type
 * pool description: nothing is loaded). A method gets a role from its own annotation, from a
 * selector that names it, or from a method it overrides or implements that has one (annotation or
 * selector), so an annotated interface or abstract method makes every implementation a release
 * method. The same inheritance applies to safepoint and read-side methods.
 *
 * <p>Compiler-generated bridge methods are never rewritten: they call the real method, which is, so
 * a call through the bridge defers exactly once. Methods that cannot have their role are refused
 * with one warning each.
 */
final class MethodPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(MethodPlanner.class);

    /** How a method got its role; decides how a refusal is reported. */
    private enum Origin {
        ANNOTATION,
        SELECTOR,
        INHERITED
    }

    /**
     * One method to rewrite.
     *
     * @param method the method
     * @param role what it becomes
     */
    record Planned(MethodDescription.InDefinedShape method, Role role) {}

    private final Map<Role, List<MethodSelector>> selectors = new EnumMap<>(Role.class);
    private final SelectorTracker tracker;
    private final OnceLog notices = new OnceLog(LOG);

    MethodPlanner(AgentConfig config, SelectorTracker tracker) {
        this.tracker = tracker;
        selectors.put(Role.RELEASE, config.releaseMethods());
        selectors.put(Role.SAFEPOINT, config.safepoints());
        selectors.put(Role.READ_SIDE, config.readSections());
    }

    /**
     * Returns the methods of {@code type} to rewrite, reporting refused ones.
     *
     * @param type the class, as described by the type pool
     * @return the methods and their roles, possibly none
     */
    List<Planned> plan(TypeDescription type) {
        List<TypeDescription.Generic> supertypes = supertypes(type);
        List<Planned> planned = new ArrayList<>();
        for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
            if (method.isTypeInitializer() || method.isBridge()) {
                continue;
            }
            Map<Role, Origin> roles = rolesOf(type, method, supertypes);
            if (!roles.isEmpty() && acceptable(type, method, roles)) {
                planned.add(new Planned(method, roles.keySet().iterator().next()));
            }
        }
        return planned;
    }

    private Map<Role, Origin> rolesOf(
            TypeDescription type,
            MethodDescription.InDefinedShape method,
            List<TypeDescription.Generic> supertypes) {
        Map<Role, Origin> roles = new EnumMap<>(Role.class);
        List<String> annotations = method.getDeclaredAnnotations().asTypeNames();
        List<String> parameters = parameterNames(method);
        for (Role role : Role.values()) {
            if (matchesSelector(role, type.getName(), method.getInternalName(), parameters)) {
                roles.put(role, Origin.SELECTOR);
            } else if (annotations.contains(role.annotationName)) {
                roles.put(role, Origin.ANNOTATION);
            } else if (canOverride(method) && inherits(role, method, supertypes)) {
                roles.put(role, Origin.INHERITED);
            }
        }
        return roles;
    }

    private boolean inherits(
            Role role,
            MethodDescription.InDefinedShape method,
            List<TypeDescription.Generic> supertypes) {
        TypeList erasures = method.getParameters().asTypeList().asErasures();
        for (TypeDescription.Generic supertype : supertypes) {
            for (MethodDescription overridden : supertype.getDeclaredMethods()) {
                if (overridden.getInternalName().equals(method.getInternalName())
                        && canOverride(overridden)
                        && overridden.getParameters().asTypeList().asErasures().equals(erasures)
                        && hasRole(role, supertype.asErasure(), overridden.asDefined())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean hasRole(
            Role role, TypeDescription declaringType, MethodDescription.InDefinedShape method) {
        return method.getDeclaredAnnotations().asTypeNames().contains(role.annotationName)
                || matchesSelector(
                        role,
                        declaringType.getName(),
                        method.getInternalName(),
                        parameterNames(method));
    }

    private boolean matchesSelector(
            Role role, String className, String methodName, List<String> parameters) {
        boolean any = false;
        for (MethodSelector selector : selectors.get(role)) {
            if (selector.matches(className, methodName, parameters)) {
                tracker.matched(selector);
                any = true;
            }
        }
        return any;
    }

    private boolean acceptable(
            TypeDescription type,
            MethodDescription.InDefinedShape method,
            Map<Role, Origin> roles) {
        String name = displayName(type, method);
        if (roles.size() > 1) {
            notices.warn(
                    name, "{} has more than one role {}; left unchanged", name, roles.keySet());
            return false;
        }
        Role role = roles.keySet().iterator().next();
        if (method.isAbstract()) {
            if (roles.get(role) == Origin.SELECTOR) {
                notices.info(
                        name,
                        "{} is abstract: not rewritten itself, its role {} applies to"
                                + " implementations",
                        name,
                        role);
            }
            return false;
        }
        String refusal = refusal(role, method);
        if (refusal != null) {
            notices.warn(name, "{} method {} refused: {}; it runs unmodified", role, name, refusal);
            return false;
        }
        return true;
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
        if (role == Role.RELEASE && method.isStatic()) {
            return "it is static: a release needs an object to release";
        }
        if (role == Role.RELEASE && !method.getReturnType().represents(void.class)) {
            return "it returns a value, which a deferred call cannot provide";
        }
        return null;
    }

    private static boolean canOverride(MethodDescription method) {
        return !method.isStatic() && !method.isPrivate() && !method.isConstructor();
    }

    private static List<String> parameterNames(MethodDescription method) {
        List<String> names = new ArrayList<>();
        for (TypeDescription parameter : method.getParameters().asTypeList().asErasures()) {
            names.add(parameter.getActualName());
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
                    if (!name.equals("java.lang.Object") && seen.add(name)) {
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
}
