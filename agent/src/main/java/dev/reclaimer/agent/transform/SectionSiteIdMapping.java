package dev.reclaimer.agent.transform;

import dev.reclaimer.internal.SectionSites;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;

/**
 * Binds {@link SectionSiteId} to a constant: while a safepoint or read-side method is rewritten, it
 * is registered with {@link SectionSites} and the returned id is baked into the injected call. A
 * class rewritten again registers again and gets new ids; the old ones stay valid.
 */
enum SectionSiteIdMapping implements Advice.OffsetMapping.Factory<SectionSiteId> {
    INSTANCE;

    @Override
    public Class<SectionSiteId> getAnnotationType() {
        return SectionSiteId.class;
    }

    @Override
    public Advice.OffsetMapping make(
            ParameterDescription.InDefinedShape target,
            AnnotationDescription.Loadable<SectionSiteId> annotation,
            AdviceType adviceType) {
        return (instrumentedType, instrumentedMethod, assigner, argumentHandler, sort) -> {
            int id =
                    SectionSites.register(
                            instrumentedType.getName(),
                            instrumentedMethod.getInternalName(),
                            instrumentedMethod.getDescriptor());
            return new Advice.OffsetMapping.Target.ForStackManipulation(
                    IntegerConstant.forValue(id));
        };
    }
}
