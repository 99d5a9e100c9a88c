package dev.triagedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.ticket.ConversationAddress.Kind;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConversationAddressTests {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    record Typed(@ConversationUrl String url) {
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab            | https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab
            www.chatgpt.com/c/abc-123/                                    | https://www.chatgpt.com/c/abc-123/
            chat.openai.com/c/abc-123?model=gpt-5#message-2               | https://chat.openai.com/c/abc-123?model=gpt-5#message-2
            chatgpt.com/share/abc-123                                     | https://chatgpt.com/share/abc-123
            chatgpt.com/g/g-abc-my-gpt/c/abc-123                          | https://chatgpt.com/g/g-abc-my-gpt/c/abc-123
            CHATGPT.COM/c/abc-123                                         | https://CHATGPT.COM/c/abc-123
            https://chatgpt.com/c/abc-123                                 | https://chatgpt.com/c/abc-123
            http://intranet.example/chat/42                               | http://intranet.example/chat/42
            '  https://chatgpt.com/c/abc-123  '                           | https://chatgpt.com/c/abc-123
            """)
    void addressesThatCanBeStoredAreStoredWithTheirScheme(String typed, String stored) {
        assertThat(ConversationAddress.normalise(typed)).isEqualTo(stored);
        assertThat(validator.validate(new Typed(typed))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankIsNothingToStore(String typed) {
        assertThat(ConversationAddress.of(typed)).isEqualTo(Kind.BLANK);
        assertThat(ConversationAddress.normalise(typed)).isNull();
        assertThat(ConversationAddress.normalise(null)).isNull();
        assertThat(validator.validate(new Typed(typed))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com/c/abc-123", "chatgpt.com", "chatgpt.com/settings", "platform.openai.com/logs",
            "chatgpt.com.evil.example/c/abc", "chatgpt.com:8443/c/abc"})
    void anotherAddressWithoutASchemeIsToldWhichOnesMayGoWithout(String typed) {
        assertThat(ConversationAddress.of(typed)).isEqualTo(Kind.OTHER_HOST_WITHOUT_SCHEME);
        Set<ConstraintViolation<Typed>> violations = validator.validate(new Typed(typed));
        assertThat(violations).extracting(ConstraintViolation::getMessageTemplate)
                .containsExactly("{validation.conversationUrl.otherHost}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"the chat from Monday", "abc-123", "ftp://chatgpt.com/c/abc", "chatgpt.com/c/abc 123",
            "https://", "https:// chatgpt.com/c/abc"})
    void whatIsNoAddressGetsTheGeneralMessage(String typed) {
        assertThat(ConversationAddress.of(typed)).isEqualTo(Kind.NOT_AN_ADDRESS);
        assertThat(validator.validate(new Typed(typed))).extracting(ConstraintViolation::getMessageTemplate)
                .containsExactly("{validation.url}");
    }
}
