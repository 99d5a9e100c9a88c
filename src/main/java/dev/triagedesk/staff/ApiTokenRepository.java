package dev.triagedesk.staff;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByUserOrderByCreatedAtDesc(StaffUser user);

    /** For each account with tokens in use: its id and how many. */
    @Query("select t.user.id, count(t) from ApiToken t where t.revoked = false group by t.user.id")
    List<Object[]> countActiveByUser();
}
