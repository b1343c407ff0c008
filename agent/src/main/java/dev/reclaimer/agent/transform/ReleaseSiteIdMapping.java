package dev.reclaimer.agent.transform;

import dev.reclaimer.internal.ReleaseSites;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;

/**
 * Binds {@link ReleaseSiteId} to a constant: while a release method is rewritten, it is registered
 * with {@link ReleaseSites} and the returned id is baked into the injected call. A class rewritten
 * again gets new ids, as {@link ReleaseSites} allows.
 */
enum ReleaseSiteIdMapping implements Advice.OffsetMapping.Factory<ReleaseSiteId> {
    INSTANCE;

    @Override
    public Class<ReleaseSiteId> getAnnotationType() {
        return ReleaseSiteId.class;
    }

    @Override
    public Advice.OffsetMapping make(
            ParameterDescription.InDefinedShape target,
            AnnotationDescription.Loadable<ReleaseSiteId> annotation,
            AdviceType adviceType) {
        return (instrumentedType, instrumentedMethod, assigner, argumentHandler, sort) -> {
            int id =
                    ReleaseSites.register(
                            instrumentedType.getName(),
                            instrumentedMethod.getInternalName(),
                            instrumentedMethod.getDescriptor());
            return new Advice.OffsetMapping.Target.ForStackManipulation(
                    IntegerConstant.forValue(id));
        };
    }
}
