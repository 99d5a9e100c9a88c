package dev.triagedesk.system.web;

/** The flash attribute under which pages that take uploads find the message of a refused upload. */
public final class UploadErrors {

    public static final String FLASH_UPLOAD_ERROR = "uploadError";

    private UploadErrors() {
    }
}
