export { meanWithInterval, type MeanWithInterval } from "./mean-interval";
export {
  pairAgreement,
  rankAgreement,
  type JudgedPair,
  type PairAgreement,
  type RankAgreement,
} from "./human-agreement";
