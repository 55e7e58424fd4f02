// kittens/common/traits.cuh
// Tiny compile-time helpers. NVRTC ships no standard library headers, so the few traits the
// tile library needs are written here (C++17 only).
#pragma once

namespace kittens {

// Compile-time constants are enumerators, not static constexpr data members: under NVRTC's
// -default-device every static constexpr member of an instantiated class is emitted as a
// __device__ global, while enumerators cost nothing. (The same holds for the tile types.)
template<bool B> struct bool_constant { enum : bool { value = B }; };
using true_type = bool_constant<true>;
using false_type = bool_constant<false>;

template<class A, class B> struct is_same : false_type {};
template<class A> struct is_same<A, A> : true_type {};

template<bool B, class T = void> struct enable_if {};
template<class T> struct enable_if<true, T> { using type = T; };
template<bool B, class T = void> using enable_if_t = typename enable_if<B, T>::type;

template<bool B, class T, class F> struct conditional { using type = T; };
template<class T, class F> struct conditional<false, T, F> { using type = F; };
template<bool B, class T, class F> using conditional_t = typename conditional<B, T, F>::type;

template<class T> struct remove_cv { using type = T; };
template<class T> struct remove_cv<const T> { using type = T; };
template<class T> struct remove_cv<volatile T> { using type = T; };
template<class T> struct remove_cv<const volatile T> { using type = T; };

template<class T> struct is_integral_base : false_type {};
template<> struct is_integral_base<bool> : true_type {};
template<> struct is_integral_base<char> : true_type {};
template<> struct is_integral_base<signed char> : true_type {};
template<> struct is_integral_base<unsigned char> : true_type {};
template<> struct is_integral_base<short> : true_type {};
template<> struct is_integral_base<unsigned short> : true_type {};
template<> struct is_integral_base<int> : true_type {};
template<> struct is_integral_base<unsigned int> : true_type {};
template<> struct is_integral_base<long> : true_type {};
template<> struct is_integral_base<unsigned long> : true_type {};
template<> struct is_integral_base<long long> : true_type {};
template<> struct is_integral_base<unsigned long long> : true_type {};
template<class T> struct is_integral : is_integral_base<typename remove_cv<T>::type> {};

// For static_assert(dependent_false<T>::value, "...") in branches that must not be instantiated.
template<class... T> struct dependent_false : false_type {};

} // namespace kittens
