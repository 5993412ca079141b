package io.github.h2push.undertow;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UndertowInternals.Members}: which members it accepts, on classes
 * shaped as Undertow's could be in another release.
 */
class UndertowInternalsMembersTests {

	private final UndertowInternals.Members members = new UndertowInternals.Members((name) -> false);

	@Test
	void readsAFieldOfTheDeclaredType() throws Throwable {
		MethodHandle count = this.members.getter(Owner.class, "count", int.class,
				MethodType.methodType(int.class, Owner.class));
		assertThat(count).isNotNull();
		assertThat((int) count.invokeExact(new Owner())).isEqualTo(7);
		assertThat(this.members.missing).isEmpty();
	}

	@Test
	void readsAFieldDeclaredWithASubtypeOfTheHandlesType() throws Throwable {
		// looked up as a List: the owner declares an ArrayList, which reflection accepts
		MethodHandle names = this.members.getter(Owner.class, "names", List.class,
				MethodType.methodType(List.class, Owner.class));
		assertThat(names).isNotNull();
		List<?> read = (List<?>) names.invokeExact(new Owner());
		assertThat(read).isEqualTo(List.of("a"));
		assertThat(this.members.missing).isEmpty();
	}

	@Test
	void reportsAStaticField() {
		assertThat(this.members.getter(Owner.class, "shared", int.class,
				MethodType.methodType(int.class, Owner.class)))
			.isNull();
		assertThat(this.members.missing).containsExactly("UndertowInternalsMembersTests.Owner.shared");
	}

	@Test
	void reportsAFieldOnlyASuperclassDeclares() {
		assertThat(this.members.getter(Owner.class, "inherited", String.class,
				MethodType.methodType(String.class, Owner.class)))
			.isNull();
		assertThat(this.members.missing).containsExactly("UndertowInternalsMembersTests.Owner.inherited");
	}

	@Test
	void readsTheOwnersFieldWhereASuperclassHasOneOfTheSameNameAndType() throws Throwable {
		MethodHandle label = this.members.getter(Owner.class, "label", String.class,
				MethodType.methodType(String.class, Owner.class));
		assertThat(label).isNotNull();
		assertThat((String) label.invokeExact(new Owner())).isEqualTo("owner");
	}

	@Test
	void readsTheOwnersFieldOfASubtypeWhereASuperclassHasOneOfTheDeclaredType() throws Throwable {
		// looked up by name and type, the superclass's List would be found
		MethodHandle items = this.members.getter(Owner.class, "items", List.class,
				MethodType.methodType(List.class, Owner.class));
		assertThat(items).isNotNull();
		List<?> read = (List<?>) items.invokeExact(new Owner());
		assertThat(read).isEqualTo(List.of("owner"));
	}

	@Test
	void reportsAFieldOfATypeTheHandlesTypeDoesNotName() {
		// an int could be widened to the handle's long, but reflection never took a field of another type
		assertThat(this.members.getter(Owner.class, "count", int.class,
				MethodType.methodType(long.class, Owner.class)))
			.isNull();
		assertThat(this.members.missing).containsExactly("UndertowInternalsMembersTests.Owner.count");
	}

	@Test
	void reportsAFieldOfAnotherType() {
		assertThat(this.members.getter(Owner.class, "count", long.class,
				MethodType.methodType(long.class, Owner.class)))
			.isNull();
		assertThat(this.members.missing).containsExactly("UndertowInternalsMembersTests.Owner.count");
	}

	@Test
	void callsAMethodDeclaredWithAnotherReturnType() throws Throwable {
		// declared to return a String; the handle drops what it returns
		MethodType declared = MethodType.methodType(Object.class, int.class);
		MethodHandle describe = this.members.method(Owner.class, "describe", declared,
				MethodType.methodType(void.class, Owner.class, int.class));
		assertThat(describe).isNotNull();
		Owner owner = new Owner();
		describe.invokeExact(owner, 3);
		assertThat(owner.count).isEqualTo(3);
		assertThat(this.members.missing).isEmpty();
	}

	@Test
	void reportsAMethodOnlyASuperclassDeclares() {
		assertThat(this.members.method(Owner.class, "reset", MethodType.methodType(void.class),
				MethodType.methodType(void.class, Owner.class)))
			.isNull();
		assertThat(this.members.missing).containsExactly("UndertowInternalsMembersTests.Owner.reset()");
	}

	@Test
	void reportsAHiddenMemberWithoutLookingItUp() {
		UndertowInternals.Members hiding = new UndertowInternals.Members(
				"UndertowInternalsMembersTests.Owner.count"::equals);
		assertThat(hiding.getter(Owner.class, "count", int.class, MethodType.methodType(int.class, Owner.class)))
			.isNull();
		assertThat(hiding.missing).containsExactly("UndertowInternalsMembersTests.Owner.count");
	}

	static class Base {

		protected String inherited = "base";

		protected List<String> items = List.of("base");

		@SuppressWarnings("unused")
		private String label = "base";

		void reset() {
		}

	}

	static class Owner extends Base {

		@SuppressWarnings("unused")
		private static int shared = 1;

		private int count = 7;

		@SuppressWarnings("unused")
		private final ArrayList<String> items = new ArrayList<>(List.of("owner"));

		@SuppressWarnings("unused")
		private final ArrayList<String> names = new ArrayList<>(List.of("a"));

		@SuppressWarnings("unused")
		private String label = "owner";

		@SuppressWarnings("unused")
		private String describe(int count) {
			this.count = count;
			return "count " + count;
		}

	}

}
