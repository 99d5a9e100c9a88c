package dev.triagedesk.ticket;

/** What fails, as the reporter chose it in step 1. */
public enum Product {
    CHATGPT_WEB("ChatGPT on the web"),
    DESKTOP_APP("ChatGPT desktop app"),
    MOBILE_APP("ChatGPT mobile app"),
    OPENAI_API("OpenAI API"),
    OTHER("Other");

    private final String label;

    Product(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The API path of the checklist (model, endpoint, tier...) rather than the browser/app one. */
    public boolean isApi() {
        return this == OPENAI_API;
    }
}
