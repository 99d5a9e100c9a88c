package dev.triagedesk.ticket;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text of at most {@link #value} characters, said the way the form and the API say it ("must be at most 2000
 * characters") rather than Bean Validation's default ("size must be between 0 and 2000").
 */
@Size
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxLength {

    @OverridesAttribute(constraint = Size.class, name = "max")
    int value();

    String message() default "{validation.maxLength}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
