package io.github.camelomics.aws2.omics.springboot;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Turns {@code #bean:name} (or Camel's older {@code #name}) into the named bean, for the properties whose type is an
 * object: the same reference syntax as in Camel URIs and camel-main properties. Any other text is refused with the
 * property's expected type, rather than bound to a surprise.
 */
final class BeanReferenceConverter implements GenericConverter {

    private static final String BEAN_PREFIX = "#bean:";

    private final BeanFactory beanFactory;
    private final Set<ConvertiblePair> convertibleTypes;

    BeanReferenceConverter(BeanFactory beanFactory, Class<?>... referencedTypes) {
        this.beanFactory = beanFactory;
        this.convertibleTypes = Stream.of(referencedTypes)
                .map(type -> new ConvertiblePair(String.class, type))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return convertibleTypes;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        String reference = ((String) source).trim();
        if (reference.isEmpty()) {
            return null;
        }
        String name = reference.startsWith(BEAN_PREFIX) ? reference.substring(BEAN_PREFIX.length())
                : reference.startsWith("#") ? reference.substring(1) : null;
        if (name == null) {
            throw new IllegalArgumentException("expected a bean reference #bean:name for a " + targetType.getType().getName()
                                               + ", got '" + reference + "'");
        }
        return beanFactory.getBean(name, targetType.getType());
    }
}
