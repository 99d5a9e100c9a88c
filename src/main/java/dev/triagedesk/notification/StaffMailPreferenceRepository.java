package dev.triagedesk.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffMailPreferenceRepository extends JpaRepository<StaffMailPreference, Long> {

    List<StaffMailPreference> findByNewTicketTrueAndEmailIsNotNull();

    List<StaffMailPreference> findByIncidentOpenedTrueAndEmailIsNotNull();
}
