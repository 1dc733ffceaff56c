package es.kompanion.bot.ticket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActorTests {

	@Test
	void tellsAStaffMemberOfTheWebFromASlackUser() {
		Actor web = Actor.staffMember(42L);
		Actor slack = Actor.staff("slack:U024BE7LH");

		assertThat(web.ref()).isEqualTo("staff:42");
		assertThat(web.staffMemberId()).isEqualTo(42L);
		assertThat(web.isSlackUser()).isFalse();
		assertThat(slack.staffMemberId()).isNull();
		assertThat(slack.isSlackUser()).isTrue();
		assertThat(Actor.staff("staff:x").staffMemberId()).isNull();
	}

}
