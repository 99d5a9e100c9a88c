package dev.triagedesk.staff;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StaffUserRepository extends JpaRepository<StaffUser, Long> {

    Optional<StaffUser> findByUsernameIgnoreCase(String username);

    List<StaffUser> findAllByOrderByUsernameAsc();

    List<StaffUser> findByEnabledTrueOrderByUsernameAsc();
}
