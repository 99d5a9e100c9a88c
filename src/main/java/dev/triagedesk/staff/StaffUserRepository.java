package dev.triagedesk.staff;

import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface StaffUserRepository extends JpaRepository<StaffUser, Long> {

    Optional<StaffUser> findByUsernameIgnoreCase(String username);

    List<StaffUser> findAllByOrderByUsernameAsc();

    List<StaffUser> findByEnabledTrueOrderByUsernameAsc();

    /**
     * The enabled administrators, their rows locked until the transaction ends: two administrators demoting or
     * disabling each other at the same moment then take turns, and the second sees the first's change.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from StaffUser u where u.role = dev.triagedesk.staff.Role.ADMIN and u.enabled = true order by u.id")
    List<StaffUser> lockEnabledAdmins();
}
