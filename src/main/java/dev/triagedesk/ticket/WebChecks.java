package dev.triagedesk.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.LinkedHashMap;
import java.util.Map;

/** The browser and app isolation checklist (step 3, web and app path), one result per step. */
@Embeddable
public class WebChecks {

    @Enumerated(EnumType.STRING)
    @Column(name = "check_private_window")
    private CheckResult privateWindow = CheckResult.NOT_TRIED;
    @Enumerated(EnumType.STRING)
    @Column(name = "check_cleared_site_data")
    private CheckResult clearedSiteData = CheckResult.NOT_TRIED;
    @Enumerated(EnumType.STRING)
    @Column(name = "check_extensions_off")
    private CheckResult extensionsOff = CheckResult.NOT_TRIED;
    @Enumerated(EnumType.STRING)
    @Column(name = "check_other_browser")
    private CheckResult otherBrowser = CheckResult.NOT_TRIED;
    @Enumerated(EnumType.STRING)
    @Column(name = "check_other_device")
    private CheckResult otherDevice = CheckResult.NOT_TRIED;
    @Enumerated(EnumType.STRING)
    @Column(name = "check_other_network")
    private CheckResult otherNetwork = CheckResult.NOT_TRIED;
    @Enumerated(EnumType.STRING)
    @Column(name = "check_vpn_off")
    private CheckResult vpnOff = CheckResult.NOT_TRIED;
    @Enumerated(EnumType.STRING)
    @Column(name = "check_app_vs_web")
    private CheckResult appVsWeb = CheckResult.NOT_TRIED;

    /** The checks in the order the checklist asks them, with their labels. */
    public Map<String, CheckResult> asMap() {
        Map<String, CheckResult> m = new LinkedHashMap<>();
        m.put("Private window", privateWindow);
        m.put("Cleared site data", clearedSiteData);
        m.put("Extensions off", extensionsOff);
        m.put("Another browser", otherBrowser);
        m.put("Another device", otherDevice);
        m.put("Another network (hotspot)", otherNetwork);
        m.put("VPN off", vpnOff);
        m.put("App instead of web (or web instead of app)", appVsWeb);
        return m;
    }

    public CheckResult getPrivateWindow() {
        return privateWindow;
    }

    public void setPrivateWindow(CheckResult v) {
        this.privateWindow = v;
    }

    public CheckResult getClearedSiteData() {
        return clearedSiteData;
    }

    public void setClearedSiteData(CheckResult v) {
        this.clearedSiteData = v;
    }

    public CheckResult getExtensionsOff() {
        return extensionsOff;
    }

    public void setExtensionsOff(CheckResult v) {
        this.extensionsOff = v;
    }

    public CheckResult getOtherBrowser() {
        return otherBrowser;
    }

    public void setOtherBrowser(CheckResult v) {
        this.otherBrowser = v;
    }

    public CheckResult getOtherDevice() {
        return otherDevice;
    }

    public void setOtherDevice(CheckResult v) {
        this.otherDevice = v;
    }

    public CheckResult getOtherNetwork() {
        return otherNetwork;
    }

    public void setOtherNetwork(CheckResult v) {
        this.otherNetwork = v;
    }

    public CheckResult getVpnOff() {
        return vpnOff;
    }

    public void setVpnOff(CheckResult v) {
        this.vpnOff = v;
    }

    public CheckResult getAppVsWeb() {
        return appVsWeb;
    }

    public void setAppVsWeb(CheckResult v) {
        this.appVsWeb = v;
    }
}
