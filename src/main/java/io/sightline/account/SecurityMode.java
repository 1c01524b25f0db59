package io.sightline.account;

/** Whether the server has one owner and no login, or users who sign in. */
enum SecurityMode {

	SINGLE_USER, MULTI_USER

}
