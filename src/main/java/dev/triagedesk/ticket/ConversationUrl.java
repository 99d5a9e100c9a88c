package dev.triagedesk.ticket;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A conversation URL as the form and the API take it (see {@link ConversationAddress}): empty, a web address
 * starting with {@code https://}, or a ChatGPT conversation without the scheme. Another host without a scheme gets
 * a message of its own, saying which addresses go without one.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ConversationUrl.Validator.class)
public @interface ConversationUrl {

    String message() default "{validation.url}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts what {@link ConversationAddress} can store. */
    class Validator implements ConstraintValidator<ConversationUrl, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return switch (ConversationAddress.of(value)) {
                case BLANK, WITH_SCHEME, CHATGPT_WITHOUT_SCHEME -> true;
                case OTHER_HOST_WITHOUT_SCHEME -> {
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate("{validation.conversationUrl.otherHost}")
                            .addConstraintViolation();
                    yield false;
                }
                case NOT_AN_ADDRESS -> false;
            };
        }
    }
}
