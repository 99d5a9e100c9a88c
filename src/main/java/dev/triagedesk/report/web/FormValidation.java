package dev.triagedesk.report.web;

import jakarta.validation.Validator;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.ClassUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Makes a step's form, as posted, fit to be shown again with its errors.
 *
 * <p>When a value cannot even be converted ({@code 20%} in a number field), Spring builds no form record at all:
 * the model's form is null (a template that reads it fails) and the page's other values would only be shown through
 * Spring's own formatting, not the fields' ({@code 1/7/26, 3:23 PM} for a date-time field the browser then
 * rejects). {@link #complete} builds the record from the values that did convert, with the field that did not left
 * empty (its error keeps what was typed, which is what the field shows), and puts it in the model with a binding
 * result that formats values as the fields do. It also runs the validation Spring skips after such a failure, so
 * every error shows at once; fields that failed conversion keep their conversion error only.
 */
@Component
class FormValidation {

    /** A step's form and its binding result, both fit to be shown again. */
    record Bound<T>(T form, BindingResult result) {
    }

    private final SpringValidatorAdapter validator;
    private final ConversionService conversion;

    // The MVC conversion service formats values as the fields do; a context without the web layer (the queue
    // benchmark runs with web-application-type=none) has none, and gets Boot's shared one.
    FormValidation(Validator validator,
                   @Qualifier("mvcConversionService") ObjectProvider<ConversionService> conversion) {
        this.validator = new SpringValidatorAdapter(validator);
        this.conversion = conversion.getIfAvailable(ApplicationConversionService::getSharedInstance);
    }

    /**
     * The form to save and show again: {@code form} as bound, or, when a value could not be converted, the record
     * rebuilt from what could (then also in {@code model}, with its binding result).
     */
    <T extends Record> Bound<T> complete(Class<T> type, T form, BindingResult result, Model model) {
        T shown = form;
        BindingResult bound = result;
        if (result.getTarget() == null || form == null) {
            shown = rebuild(type, result);
            bound = resultFor(shown, result.getObjectName());
            bound.addAllErrors(result);
            model.addAttribute(result.getObjectName(), shown);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + result.getObjectName(), bound);
        }
        complete(shown, bound);
        return new Bound<>(shown, bound);
    }

    /** Runs the validation Spring skipped after a value that could not be converted. */
    void complete(Object form, BindingResult result) {
        if (form != null && result.hasErrors() && result.getAllErrors().stream()
                .allMatch(e -> e instanceof FieldError f && f.isBindingFailure())) {
            validator.validate(form, result);
        }
    }

    /** An empty binding result for {@code form} that shows its values as its fields format them. */
    BindingResult resultFor(Object form, String name) {
        DirectFieldBindingResult result = new DirectFieldBindingResult(form, name);
        result.initConversion(conversion);
        return result;
    }

    /** The record with the values Spring converted; a component whose value it could not convert is null. */
    private static <T extends Record> T rebuild(Class<T> type, BindingResult result) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            FieldError error = result.getFieldError(name);
            if (error != null && error.isBindingFailure()) {
                continue;
            }
            Object value = result.getFieldValue(name);
            Class<?> wanted = ClassUtils.resolvePrimitiveIfNecessary(components[i].getType());
            values[i] = wanted.isInstance(value) ? value : null;
        }
        try {
            Constructor<T> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + type.getSimpleName(), e);
        }
    }
}
