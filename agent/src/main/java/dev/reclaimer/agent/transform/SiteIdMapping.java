package dev.reclaimer.agent.transform;

import dev.reclaimer.internal.ReleaseSites;
import dev.reclaimer.internal.SectionSites;
import java.lang.annotation.Annotation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;

/**
 * Binds a site-id annotation of an advice parameter to a constant: while a method is rewritten, it
 * is registered with the runtime's table of sites of that kind and the returned id is baked into
 * the injected call. A class rewritten again registers again and gets new ids; the old ones stay
 * valid.
 *
 * @param <T> the advice parameter's annotation
 */
final class SiteIdMapping<T extends Annotation> implements Advice.OffsetMapping.Factory<T> {

    /** {@link ReleaseSiteId}: release methods, registered with {@link ReleaseSites}. */
    static final SiteIdMapping<ReleaseSiteId> RELEASE =
            new SiteIdMapping<>(ReleaseSiteId.class, ReleaseSites::register);

    /**
     * {@link SectionSiteId}: safepoint and read-side methods, registered with {@link SectionSites}.
     */
    static final SiteIdMapping<SectionSiteId> SECTION =
            new SiteIdMapping<>(SectionSiteId.class, SectionSites::register);

    /** One of the runtime's {@code register(className, methodName, descriptor)} methods. */
    @FunctionalInterface
    interface Registry {
        int register(String className, String methodName, String descriptor);
    }

    private final Class<T> annotationType;
    private final Registry registry;

    private SiteIdMapping(Class<T> annotationType, Registry registry) {
        this.annotationType = annotationType;
        this.registry = registry;
    }

    @Override
    public Class<T> getAnnotationType() {
        return annotationType;
    }

    @Override
    public Advice.OffsetMapping make(
            ParameterDescription.InDefinedShape target,
            AnnotationDescription.Loadable<T> annotation,
            AdviceType adviceType) {
        return (instrumentedType, instrumentedMethod, assigner, argumentHandler, sort) -> {
            int id =
                    registry.register(
                            instrumentedType.getName(),
                            instrumentedMethod.getInternalName(),
                            instrumentedMethod.getDescriptor());
            return new Advice.OffsetMapping.Target.ForStackManipulation(
                    IntegerConstant.forValue(id));
        };
    }
}
