package es.kompanion.bot.resource;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ResourceLinkRepository extends JpaRepository<ResourceLink, Long> {

	List<ResourceLink> findAllByOrderByPositionAscIdAsc();

	List<ResourceLink> findByActiveTrueOrderByPositionAscIdAsc();

	List<ResourceLink> findByKindAndActiveTrueOrderByPositionAscIdAsc(LinkKind kind);

}
